#!/usr/bin/env python3
"""NumPy/OpenBLAS fp32 GEMM in the three forms our engine uses, at the shapes `ddpg.jar bench gemm` times.

nn: C = A B, nt: C = A B^T (B stored n x k), tn: C = A^T B (A stored k x m). NumPy hands the transposed views
straight to OpenBLAS sgemm with the transpose flags, so this is OpenBLAS's own nt/tn kernel, no copy.

  env -u OPENBLAS_CORETYPE OPENBLAS_NUM_THREADS=1 python3 bench/peers/numpy_gemm_forms.py [--threads 1] [--quick]

Prints: numpy <form>:<M>x<K>x<N> threads <T> <median GFLOP/s> (best sample, worst sample), the same shape syntax
as our bench and the same method: 15 samples of ~20 ms after a warm-up; on a machine shared with other work the best
sample is the one least disturbed by the scheduler, and (one thread only) cpu-time is the speed per second of CPU
time this thread actually got: OpenBLAS with one thread computes on the calling thread.
"""
import argparse
import ctypes
import glob
import os
import statistics
import time

import numpy as np

FORWARD = ["64x24x400", "64x400x300", "256x24x400", "256x400x300", "256x406x300", "256x300x1"]
BACKWARD = ["nt:64x400x24", "nt:64x300x400", "nt:256x400x24", "nt:256x300x400", "nt:256x300x406", "nt:256x1x300",
            "tn:24x64x400", "tn:400x64x300", "tn:24x256x400", "tn:400x256x300", "tn:406x256x300", "tn:300x256x1"]
BIG = ["1024x1024x1024", "nt:1024x1024x1024", "tn:1024x1024x1024"]
QUICK = ["64x24x400", "256x400x300", "256x300x1", "nt:256x300x400", "tn:400x256x300", "1024x1024x1024"]


def set_threads(threads):
    """Force OpenBLAS's thread count through its C API when we can find the bundled library."""
    libdir = os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs")
    for path in glob.glob(os.path.join(libdir, "*openblas*.so*")) + glob.glob("/usr/lib/*/libopenblas*.so*"):
        lib = ctypes.CDLL(path)
        for prefix, suffix in (("scipy_openblas_", "64_"), ("openblas_", ""), ("openblas_", "64_")):
            name = prefix + "set_num_threads" + suffix
            if hasattr(lib, name):
                getattr(lib, name)(ctypes.c_int(threads))
                getc = getattr(lib, prefix + "get_corename" + suffix)
                getc.restype = ctypes.c_char_p
                return "%s core=%s" % (os.path.basename(path), getc().decode())
    return "openblas not found via ctypes (thread count from OPENBLAS_NUM_THREADS only)"


def operands(form, m, k, n, rng):
    a = rng.standard_normal((m, k) if form != "tn" else (k, m), dtype=np.float32)
    b = rng.standard_normal((k, n) if form != "nt" else (n, k), dtype=np.float32)
    left = a.T if form == "tn" else a
    right = b.T if form == "nt" else b
    return left, right


def bench(shape, min_time=0.02, samples=15, warmup=0.3):
    form, dims = (shape.split(":") if ":" in shape else ("nn", shape))
    m, k, n = (int(x) for x in dims.split("x"))
    rng = np.random.default_rng(0)
    left, right = operands(form, m, k, n, rng)
    c = np.empty((m, n), dtype=np.float32)
    flops = 2.0 * m * k * n
    t_end = time.perf_counter() + warmup
    while time.perf_counter() < t_end:
        np.matmul(left, right, out=c)
    reps = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(reps):
            np.matmul(left, right, out=c)
        dt = time.perf_counter() - t0
        if dt >= min_time / 4:
            break
        reps *= 2
    reps = max(1, int(reps * min_time / dt))
    res, cpu = [], []
    for _ in range(samples):
        c0 = time.thread_time()
        t0 = time.perf_counter()
        for _ in range(reps):
            np.matmul(left, right, out=c)
        res.append(flops * reps / (time.perf_counter() - t0) / 1e9)
        cpu.append(flops * reps / max(time.thread_time() - c0, 1e-9) / 1e9)
    return statistics.median(res), min(res), max(res), statistics.median(cpu)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--shape", action="append")
    ap.add_argument("--sample-ms", type=float, default=20.0)
    ap.add_argument("--samples", type=int, default=15)
    args = ap.parse_args()
    info = set_threads(args.threads)
    print("# numpy %s; %s; threads %d" % (np.__version__, info, args.threads))
    shapes = args.shape or (QUICK if args.quick else FORWARD + BACKWARD + BIG)
    for s in shapes:
        med, lo, hi, cpu = bench(s, min_time=args.sample_ms / 1000, samples=args.samples)
        cpu_text = (", cpu-time %.1f" % cpu) if args.threads == 1 else ""
        print("numpy %s threads %d %.1f GFLOP/s (best sample %.1f, worst %.1f%s)" % (s, args.threads, med, hi, lo,
              cpu_text), flush=True)


if __name__ == "__main__":
    main()
