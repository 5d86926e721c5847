package ddpg.rl.report;

import java.util.List;
import java.util.Locale;

/**
 * {@code results.csv}: {@code task,group,seeds,step,mean,std,iqm,min,max}, one row per group and step as in
 * results.md. {@code step} is the env step (100000) or {@code end}; {@code seeds} is how many runs the row's
 * statistics are over; the statistics are empty when that is 0. Numbers have 4 decimals (progress.csv's precision);
 * text with a comma or quote is quoted as RFC 4180 says.
 */
final class ResultsCsv {
    static final String HEADER = "task,group,seeds,step,mean,std,iqm,min,max";

    private ResultsCsv() {}

    static String text(List<GroupResult> results) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (GroupResult gr : results) {
            for (StepRow row : gr.rows()) {
                sb.append(quote(gr.group().task())).append(',').append(quote(gr.group().label())).append(',')
                        .append(row.seeds()).append(',').append(row.step() == StepRow.END ? "end" : Long.toString(row.step()));
                Stats s = row.stats();
                for (double v : s == null ? new double[0] : new double[] {s.mean(), s.std(), s.iqm(), s.min(), s.max()}) {
                    sb.append(',').append(number(v));
                }
                if (s == null) sb.append(",,,,");
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.matches("-0\\.0*") ? s.substring(1) : s; // no "-0.0000"
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
