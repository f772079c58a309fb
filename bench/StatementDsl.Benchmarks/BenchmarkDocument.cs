using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace StatementDsl.Benchmarks;

/// <summary>Writes docs/benchmarks.md from a full run: the ratios against their goals, the raw figures, and the reading.</summary>
internal static class BenchmarkDocument
{
    private static readonly (string Key, string Label, double Goal, bool AtLeast)[] Goals =
    [
        ("parse_vs_stj", "front end: parse + bind MB/s ÷ STJ deserialize MB/s", 1.0, true),
        ("parse_vs_stj_turns", "front end: the same in 21 alternated turns in one process, the median of the turns' ratios (the machine's drift cancels)", 1.0, true),
        ("allocated_parse_bind_vs_stj", "front end: bytes allocated by parse + bind ÷ by STJ for the same records", 2.0, false),
        ("check_vs_json_process", "a fresh `stmt check` of the corpus, the tool installed from its package for this platform ÷ a fresh process loading the same records from JSON, published ReadyToRun for this platform too", 1.0, false),
        ("compile_vs_stj", "build: added generator + emit time ÷ STJ deserialize time", 10, false),
        ("compile_vs_members_floor", "build: added generator + emit time ÷ the generated members alone, with no data", 1.2, false),
        ("app_edit_with_archive_vs_alone", "build after a one-line edit of an app referencing the archive's class library ÷ the same app referencing the library without records", 1.1, false),
        ("incremental_vs_full", "incremental: one quote edited in one of 1,000 files ÷ full run", 0.05, false),
        ("json_vs_compiled_startup_read_classes", "start-up inside Main, reading every title, speaker name and passage through the generated classes: JSON ÷ compiled", 10, true),
        ("json_vs_compiled_startup_read_classes_wall", "start-up, whole process, the same: JSON ÷ compiled", 3, true),
        ("json_vs_compiled_startup_read_classes_archive_shape", "the same inside Main, in the shape of issue #15 (101 files of ten meetings): JSON ÷ compiled", 10, true),
        ("json_vs_compiled_startup_read_classes_wall_archive_shape", "the same, whole process, 101 files: JSON ÷ compiled", 3, true),
        ("json_vs_compiled_startup_read", "start-up inside Main, reading everything through the catalog: JSON ÷ compiled", 10, true),
        ("json_vs_compiled_startup", "start-up inside Main, every record reached and its id read: JSON ÷ compiled", 10, true),
        ("json_vs_compiled_startup_wall", "start-up, whole process, the same: JSON ÷ compiled", 3, true),
        ("json_vs_compiled_startup_r2r", "start-up inside Main, the same two apps published ReadyToRun: JSON ÷ compiled", 20, true),
        ("json_vs_compiled_startup_wall_r2r", "start-up, whole process, published ReadyToRun: JSON ÷ compiled", 3, true),
        ("quote_lookup_archive_vs_indexof", "quotes: every quote of a tenth of the corpus found in one document holding them all (normalize, index, find) ÷ an ordinal IndexOf of each, which is N × M", 1.0, false),
        ("quote_lookup_vs_normalize_floor", "quotes: each meeting file's quotes found in its own generated report (normalize, index, find) ÷ normalizing the reports alone (the floor; `quote_lookup_vs_indexof` is the same against a raw IndexOf)", 3.0, false),
        ("render_vs_check_process", "website: a fresh `stmt render --to html` of the corpus ÷ a fresh `stmt check` of it (the floor: binding the same records; the rest is writing 4–5× the input as HTML)", 5.0, false),
        ("render_ms_per_mb_largest_vs_smallest_scale", "website: render time per MB at the largest scale ÷ at 1× (linear is 1)", 1.5, false),
        ("lsp_edit_vs_full_check", "editor: one-character edit to published diagnostics ÷ full check of the workspace", 0.02, false),
    ];

    public static void Write(string path, JsonObject results)
    {
        var text = new StringBuilder();
        text.Append("# Benchmarks\n\n");
        text.Append("Written by `dotnet run -c Release --project bench/StatementDsl.Benchmarks` (the full run) on ")
            .Append(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(", ")
            .Append(Environment.ProcessorCount).Append(" cores. Every ratio compares two things measured in the same run. ")
            .Append("Corpus: ").Append(results["corpus_files"]).Append(" files, ")
            .Append(Mb(results["corpus_stmt_bytes"])).Append(" MB of `.stmt` (")
            .Append(Mb(results["corpus_json_bytes"])).Append(" MB as JSON), ").Append(results["records"]).Append(" records.\n\n");
        text.Append("| ratio | measured | goal | met |\n|---|---|---|---|\n");
        foreach (var (key, label, goal, atLeast) in Goals)
        {
            if (results[key] is not { } measured)
            {
                continue;
            }

            var value = measured.GetValue<double>();
            var met = atLeast ? value >= goal : value <= goal;
            text.Append("| ").Append(label).Append(" (`").Append(key).Append("`) | ").Append(value.ToString("0.###", CultureInfo.InvariantCulture))
                .Append(" | ").Append(atLeast ? "≥ " : "≤ ").Append(goal.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(met ? "yes" : "**no**").Append(" |\n");
        }

        text.Append("\n## Raw figures\n\n| figure | value |\n|---|---|\n");
        foreach (var (key, value) in results)
        {
            if (!Goals.Any(g => g.Key == key))
            {
                text.Append("| `").Append(key).Append("` | ").Append(value!.ToJsonString()).Append(" |\n");
            }
        }

        text.Append('\n').Append(File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "benchmarks-reading.md")));
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static string Mb(JsonNode? bytes) => (bytes!.GetValue<long>() / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
