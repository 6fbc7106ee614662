package dev.nn.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** results.csv and summary.md of a sweep, from its trials' results. */
final class Results {

    private Results() {
    }

    /**
     * One row per finished trial, in the sweep's order; numbers in full precision, empty when not
     * measured. With successive halving or ASHA a {@code rung} column says the last rung a trial ran.
     */
    static String csv(SweepSpec spec, List<Trial> trials, List<TrialResult> results, Journal.Contents contents) {
        Map<String, Trial> byName = byName(trials);
        Map<String, Integer> rungs = lastRungs(contents);
        boolean halving = !spec.rungs().isEmpty();
        StringBuilder csv = new StringBuilder("trial,status");
        spec.names().forEach(name -> csv.append(',').append(name));
        csv.append(",seed,epochs_run").append(halving ? ",rung" : "").append(",final_test_accuracy,best_test_accuracy,best_epoch,final_test_cost,min_test_cost,"
                + "spikes,seconds,run_dir,reason\n");
        for (TrialResult r : results) {
            Trial t = byName.get(r.trial());
            // a trial's name holds its point's values, which may hold commas (layers=784,30,10)
            csv.append(quote(r.trial())).append(',').append(r.status());
            spec.names().forEach(name -> csv.append(',').append(quote(t.point().get(name))));
            csv.append(',').append(t.seed()).append(',').append(r.epochsRun());
            if (halving) {
                csv.append(',').append(rungs.get(r.trial()));
            }
            csv.append(',').append(number(r.finalTestAccuracy())).append(',').append(number(r.bestTestAccuracy())).append(',')
                    .append(r.bestEpoch()).append(',').append(number(r.finalTestCost())).append(',')
                    .append(number(r.minTestCost())).append(',').append(r.spikes()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", r.seconds())).append(',')
                    .append(quote("trials/" + r.trial())).append(',').append(quote(r.reason())).append('\n');
        }
        return csv.toString();
    }

    /** Each trial's last rung, 0 without halving. */
    private static Map<String, Integer> lastRungs(Journal.Contents contents) {
        Map<String, Integer> rungs = new LinkedHashMap<>();
        contents.byRung().keySet().stream().sorted().forEach(rung ->
                contents.byRung().get(rung).keySet().forEach(trial -> rungs.put(trial, rung)));
        return rungs;
    }

    /**
     * Per grid point, over its seeds: the mean, standard deviation, least and greatest final and
     * best test accuracy, best first; then the rungs of successive halving and the failed trials.
     */
    static String summary(SweepSpec spec, List<Trial> trials, List<TrialResult> results, Journal.Contents contents) {
        Map<String, Trial> byName = byName(trials);
        Map<String, List<TrialResult>> byPoint = new LinkedHashMap<>();
        for (TrialResult r : results) {
            if (r.ok()) {
                byPoint.computeIfAbsent(byName.get(r.trial()).label(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Map.Entry<String, List<TrialResult>>> rows = new ArrayList<>(byPoint.entrySet());
        rows.sort(Comparator.comparingDouble(
                (Map.Entry<String, List<TrialResult>> e) -> -mean(e.getValue(), TrialResult::finalTestAccuracy)));
        StringBuilder md = new StringBuilder("# Sweep\n\n");
        md.append(String.format(Locale.ROOT, "%d trials: %d ok, %d failed, %d not run yet. Every trial is `nn train %s`"
                + " with the point's flags and `--seed`.%n%n", trials.size(), count(results, true),
                count(results, false), trials.size() - results.size(), String.join(" ", spec.base())));
        for (SweepSpec.Axis axis : spec.grid()) {
            if (axis.isNamed()) {
                List<String> runs = new ArrayList<>();
                axis.flags().forEach((name, flags) -> runs.add(axis.name() + "=" + name + ": "
                        + (flags.isEmpty() ? "none" : "`" + String.join(" ", flags) + "`")));
                md.append("The named runs' flags: ").append(String.join("; ", runs)).append(".\n\n");
            }
        }
        md.append("| point | seeds | final test accuracy: mean | sd | min | max | best test accuracy: mean | sd | min"
                + " | max | spikes: mean |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<TrialResult>> e : rows) {
            List<TrialResult> rs = e.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.1f |%n",
                    e.getKey(), rs.size(), mean(rs, TrialResult::finalTestAccuracy),
                    sd(rs, TrialResult::finalTestAccuracy), min(rs, TrialResult::finalTestAccuracy),
                    max(rs, TrialResult::finalTestAccuracy), mean(rs, TrialResult::bestTestAccuracy),
                    sd(rs, TrialResult::bestTestAccuracy), min(rs, TrialResult::bestTestAccuracy),
                    max(rs, TrialResult::bestTestAccuracy), mean(rs, TrialResult::spikes)));
        }
        if (!rows.isEmpty()) {
            md.append("\nBest point: ").append(rows.get(0).getKey()).append(String.format(Locale.ROOT,
                    " (mean final test accuracy %.4f).%n", mean(rows.get(0).getValue(),
                            TrialResult::finalTestAccuracy)));
        }
        if (spec.halving() != null) {
            halving(md, spec.halving(), trials.size(), byName, contents);
        }
        if (spec.asha() != null) {
            asha(md, spec.asha(), trials.size(), byName, contents);
        }
        for (TrialResult r : results) {
            if (!r.ok()) {
                md.append("\nFailed: ").append(r.trial()).append(": ").append(r.reason()).append('\n');
            }
        }
        return md.toString();
    }

    /** The rungs of successive halving: epochs, trials, and who went on, best first. */
    private static void halving(StringBuilder md, Halving halving, int trialCount, Map<String, Trial> byName,
            Journal.Contents contents) {
        md.append(String.format(Locale.ROOT, "%n## Successive halving%n%nReduction factor %d: each rung's best trials"
                + " by final test accuracy go on; the table above has each trial at its last rung.%n%n"
                + "| rung | epochs | trials | went on, best first |%n|---|---|---|---|%n", halving.rate()));
        List<Integer> expected = halving.trialsPerRung(trialCount);
        for (int i = 0; i < halving.rungs().size(); i++) {
            int rung = i + 1;
            int n = expected.get(i);
            RungDecision d = contents.decisions().get(rung);
            String next = rung == halving.rungs().size() ? "(last rung)" : d == null ? "(not decided yet)"
                    : d.promoted().stream().map(name -> byName.get(name).label() + " seed " + byName.get(name).seed())
                            .collect(java.util.stream.Collectors.joining(", "));
            md.append(String.format(Locale.ROOT, "| %d | %d | %d of %d | %s |%n", rung, halving.rungs().get(i),
                    contents.rung(rung).size(), d == null ? n : d.promoted().size() + d.stopped().size(), next));
        }
    }

    /** The rungs of ASHA: epochs, trial runs done, and who went on, in the order promoted. */
    private static void asha(StringBuilder md, Asha asha, int trialCount, Map<String, Trial> byName,
            Journal.Contents contents) {
        md.append(String.format(Locale.ROOT, "%n## Asynchronous successive halving (ASHA)%n%nReduction factor %d, %s"
                + " mode: a trial went on as soon as it ranked in the best 1/%d of its rung's results so far (%s); the"
                + " table above has each trial at its last rung.%n%n| rung | epochs | trial runs done | went on, in the"
                + " order promoted |%n|---|---|---|---|%n", asha.rate(), asha.mode().id(), asha.rate(),
                asha.mode() == Asha.Mode.REPRODUCIBLE ? "read in trial order, the same at any parallelism"
                        : "read in the order they finished"));
        Map<Integer, List<String>> promoted = new LinkedHashMap<>();
        contents.promotions().forEach(p -> promoted.computeIfAbsent(p.rung(), k -> new ArrayList<>()).add(p.trial()));
        for (int i = 0; i < asha.rungs().size(); i++) {
            int rung = i + 1;
            String next = rung == asha.rungs().size() ? "(last rung)"
                    : promoted.getOrDefault(rung, List.of()).stream()
                            .map(name -> byName.get(name).label() + " seed " + byName.get(name).seed())
                            .collect(java.util.stream.Collectors.joining(", "));
            md.append(String.format(Locale.ROOT, "| %d | %d | %d%s | %s |%n", rung, asha.rungs().get(i),
                    contents.rung(rung).size(), rung == 1 ? " of " + trialCount : "", next.isEmpty() ? "(none yet)" : next));
        }
    }

    private static Map<String, Trial> byName(List<Trial> trials) {
        Map<String, Trial> map = new LinkedHashMap<>();
        trials.forEach(t -> map.put(t.name(), t));
        return map;
    }

    private static long count(List<TrialResult> results, boolean ok) {
        return results.stream().filter(r -> r.ok() == ok).count();
    }

    private static double mean(List<TrialResult> rs, ToDoubleFunction<TrialResult> f) {
        return rs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    private static double sd(List<TrialResult> rs, ToDoubleFunction<TrialResult> f) {
        if (rs.size() < 2) {
            return 0;
        }
        double mean = mean(rs, f);
        double squares = rs.stream().mapToDouble(r -> (f.applyAsDouble(r) - mean) * (f.applyAsDouble(r) - mean)).sum();
        return Math.sqrt(squares / (rs.size() - 1));
    }

    private static double min(List<TrialResult> rs, ToDoubleFunction<TrialResult> f) {
        return rs.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<TrialResult> rs, ToDoubleFunction<TrialResult> f) {
        return rs.stream().mapToDouble(f).max().orElse(Double.NaN);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
