# trim.py MODEL N SRC_DIR OUT_FILE: keeps the header and N records of SRC_DIR/transitions.csv:
# first every record with a sphere-sphere or sphere-capsule contact (file order, at most N/2),
# then records with nefc > 0 in file order, then 4 records with nefc == 0; output in file order.
import csv, sys
model, n, src, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
types = {}
for line in open(f'{src}/model_fields.txt'):
    if line.startswith('geom_type['):
        types[int(line[10:line.index(']')])] = int(line.split()[1])
lines = open(f'{src}/transitions.csv').read().splitlines()
h = lines[0].split(','); ix = {c: i for i, c in enumerate(h)}
rows = [l.split(',') for l in lines[1:]]
def pairs(r):
    k = min(int(r[ix['ncon']]), 16)
    return {(types[int(r[ix[f'contact[{c}].geom1']])], types[int(r[ix[f'contact[{c}].geom2']])]) for c in range(k)}
chosen = []
for i, r in enumerate(rows):
    if len(chosen) < n // 2 and pairs(r) & {(2, 2), (2, 3)}: chosen.append(i)
zero = [i for i, r in enumerate(rows) if int(r[ix['nefc']]) == 0][:4]
for i, r in enumerate(rows):
    if len(chosen) >= n - len(zero): break
    if int(r[ix['nefc']]) > 0 and i not in chosen: chosen.append(i)
chosen = sorted(set(chosen + zero))
with open(out, 'w') as f:
    f.write(lines[0] + '\n')
    for i in chosen: f.write(lines[i + 1] + '\n')
print(model, len(chosen), 'records')
