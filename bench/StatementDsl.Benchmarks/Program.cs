using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StatementDsl.Benchmarks;

// dotnet run -c Release --project bench/StatementDsl.Benchmarks -- [--quick] [--json PATH] [--write-corpus DIR] [--report-from JSON] [--startup-only]
//     [--files N] [--meetings-per-file N]
// --quick: a 4 MB corpus and short runs (a few minutes on 2 cores). Without it: the 16 MB corpus,
// longer runs, and docs/benchmarks.md rewritten with the results.
var quick = args.Contains("--quick");
var jsonIndex = Array.IndexOf(args, "--json");
var jsonPath = jsonIndex >= 0 && jsonIndex + 1 < args.Length ? args[jsonIndex + 1] : null;
var repositoryRoot = FindRoot();
var reportIndex = Array.IndexOf(args, "--report-from");
if (reportIndex >= 0 && reportIndex + 1 < args.Length)
{
    // Re-assembles docs/benchmarks.md from a saved full run, after docs/benchmarks-reading.md is edited.
    BenchmarkDocument.Write(Path.Combine(repositoryRoot, "docs", "benchmarks.md"), JsonNode.Parse(File.ReadAllText(args[reportIndex + 1]))!.AsObject());
    return;
}

var targetBytes = quick ? 4_000_000 : 16_000_000;
var corpus = Corpus.Create(fileCount: Option("--files") ?? 1000, targetBytes, meetingsPerFile: Option("--meetings-per-file") ?? 1);
Shared.Corpus = corpus;
var writeIndex = Array.IndexOf(args, "--write-corpus");
if (writeIndex >= 0 && writeIndex + 1 < args.Length)
{
    // For profiling outside the harness: the .stmt files and the same records as corpus.json.
    corpus.WriteTo(args[writeIndex + 1]);
    File.WriteAllText(Path.Combine(args[writeIndex + 1], "corpus.json"), corpus.Json);
    return;
}

Console.WriteLine($"Corpus: {corpus.Files.Count} files, {corpus.StatementBytes / 1e6:F1} MB of .stmt, {corpus.JsonBytes / 1e6:F1} MB of JSON");
if (args.Contains("--startup-only"))
{
    // For work on start-up: the fresh-process comparison alone, in a minute or two.
    foreach (var (name, figures) in StartupBenchmark.Run(corpus, runs: quick ? 3 : 10, repositoryRoot).Runs)
    {
        Console.WriteLine($"{name}: {figures}");
    }

    return;
}

var job = (quick ? Job.ShortRun.WithWarmupCount(1).WithIterationCount(3) : Job.Default.WithWarmupCount(2).WithIterationCount(8))
    .WithLaunchCount(1)
    .WithToolchain(InProcessEmitToolchain.Instance);
var config = ManualConfig.CreateMinimumViable().AddJob(job).WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);

if (args.Contains("--front-end-only"))
{
    // For work on the front end: parse + bind against STJ, time and allocation, in a minute or two.
    // The turns run first, before BenchmarkDotNet has set this process's priority and affinity.
    var turns = FrontEndTurns.Run(corpus, quick ? 7 : 21);
    var frontEnd = BenchmarkRunner.Run<FrontEndBenchmark>(config).Reports.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name);
    double FrontEndMs(string name) => frontEnd[name].ResultStatistics!.Mean / 1e6;
    double FrontEndBytes(string name) => frontEnd[name].GcStats.GetBytesAllocatedPerOperation(frontEnd[name].BenchmarkCase) ?? 0;
    double VersusStj(string name) => Round(FrontEndMs(nameof(FrontEndBenchmark.StjDeserialize)) / FrontEndMs(name) * corpus.StatementBytes / corpus.JsonBytes);
    Console.WriteLine($"parse_vs_stj={Round(turns.ParseVersusStj)} (turns: {Round(turns.ParseAndBindMs)} ms against {Round(turns.StjMs)} ms) "
        + $"parse_vs_stj_bdn={VersusStj(nameof(FrontEndBenchmark.ParseAndBind))} "
        + $"parse_vs_stj_from_text={VersusStj(nameof(FrontEndBenchmark.ParseAndBindFromText))} "
        + $"parse_vs_stj_every_core={VersusStj(nameof(FrontEndBenchmark.ParseAndBindOnEveryCore))} "
        + $"lex_floor_vs_stj={VersusStj(nameof(FrontEndBenchmark.LexFloor))} "
        + $"allocated_parse_bind_vs_stj={Round(FrontEndBytes(nameof(FrontEndBenchmark.ParseAndBind)) / FrontEndBytes(nameof(FrontEndBenchmark.StjDeserialize)))} "
        + $"allocated_parse_bind_from_text_vs_stj={Round(FrontEndBytes(nameof(FrontEndBenchmark.ParseAndBindFromText)) / FrontEndBytes(nameof(FrontEndBenchmark.StjDeserialize)))}");
    return;
}

if (args.Contains("--render-only"))
{
    // For work on the website: check and render in fresh processes at two sizes.
    foreach (var check in CheckProcessBenchmark.Run(quick ? [1, 2] : [1, 5], corpus.Files.Count, targetBytes, runs: 3, pairedRuns: 3, repositoryRoot))
    {
        Console.WriteLine(check);
    }

    return;
}

if (args.Contains("--quotes-only"))
{
    // For work on quote lookup: the product's lookup against IndexOf, per file and in one large document.
    var quoteReports = BenchmarkRunner.Run<QuoteLookupBenchmark>(config).Reports.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name);
    var quoteFigures = QuoteFigures(quoteReports);
    Console.WriteLine(quoteFigures.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    if (jsonPath is not null)
    {
        File.WriteAllText(jsonPath, quoteFigures.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    return;
}

// The fresh-process start-up runs go first, before the in-process benchmarks have grown this
// process's heap by gigabytes and left the machine reclaiming memory while the apps start.
var startup = StartupBenchmark.Run(corpus, runs: quick ? 3 : 10, repositoryRoot);
// The same records in the shape issue #15 measured: 101 files of ten meetings each.
var archiveShape = Corpus.Create(fileCount: 101, targetBytes, meetingsPerFile: 10);
var startupArchiveShape = StartupBenchmark.Run(archiveShape, runs: quick ? 3 : 10, repositoryRoot);
var archiveEdit = ArchiveLibraryBenchmark.Run(corpus, runs: quick ? 3 : 7, repositoryRoot);
var checks = CheckProcessBenchmark.Run(quick ? [1, 2, 5] : [1, 5, 25], corpus.Files.Count, targetBytes, runs: quick ? 3 : 5, pairedRuns: quick ? 3 : 15, repositoryRoot);
var (lspEditMs, fullCheckMs) = LanguageServerBenchmark.Run(corpus, edits: quick ? 10 : 40);
var frontEndTurns = FrontEndTurns.Run(corpus, quick ? 7 : 21);
var peakBuildMemory = MeasurePeakWorkingSet(() => RoslynHarness.GenerateAndEmit(RoslynHarness.CreateCompilation(), RoslynHarness.Texts(corpus)));
var summaries = BenchmarkRunner.Run([typeof(FrontEndBenchmark), typeof(BuildBenchmark), typeof(IncrementalBenchmark), typeof(QuoteLookupBenchmark)], config);
var reports = summaries.SelectMany(s => s.Reports).ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name);
double Ms(string name) => reports[name].ResultStatistics!.Mean / 1e6;
long Allocated(string name) => reports[name].GcStats.GetBytesAllocatedPerOperation(reports[name].BenchmarkCase) ?? 0;

var parseMbPerSecond = corpus.StatementBytes / 1e6 / (Ms(nameof(FrontEndBenchmark.ParseAndBind)) / 1000);
var perFileMbPerSecond = corpus.StatementBytes / 1e6 / (Ms(nameof(FrontEndBenchmark.ParseAndBindPerFile)) / 1000);
var stjMbPerSecond = corpus.JsonBytes / 1e6 / (Ms(nameof(FrontEndBenchmark.StjDeserialize)) / 1000);
var addedBuildMs = Ms(nameof(BuildBenchmark.GenerateAndEmitWithCorpus)) - Ms(nameof(BuildBenchmark.EmitWithoutCorpus));
var addedTopLevelBuildMs = Ms(nameof(BuildBenchmark.GenerateAndEmitTopLevelIds)) - Ms(nameof(BuildBenchmark.EmitWithoutCorpus));
var addedMembersMs = Ms(nameof(BuildBenchmark.EmitGeneratedMembersWithoutData)) - Ms(nameof(BuildBenchmark.EmitWithoutCorpus));
var results = new JsonObject
{
    ["mode"] = quick ? "quick" : "full",
    ["corpus_files"] = corpus.Files.Count,
    ["corpus_stmt_bytes"] = corpus.StatementBytes,
    ["corpus_json_bytes"] = corpus.JsonBytes,
    ["records"] = startup[StartupBenchmark.Compiled].Records,
    ["parse_vs_stj"] = Round(parseMbPerSecond / stjMbPerSecond),
    ["parse_vs_stj_turns"] = Round(frontEndTurns.ParseVersusStj),
    ["parse_bind_turns_ms"] = Round(frontEndTurns.ParseAndBindMs),
    ["stj_turns_ms"] = Round(frontEndTurns.StjMs),
    ["compile_vs_stj"] = Round(addedBuildMs / Ms(nameof(FrontEndBenchmark.StjDeserialize))),
    ["compile_vs_stj_top_level_ids"] = Round(addedTopLevelBuildMs / Ms(nameof(FrontEndBenchmark.StjDeserialize))),
    ["generated_members_vs_stj"] = Round(addedMembersMs / Ms(nameof(FrontEndBenchmark.StjDeserialize))),
    ["incremental_vs_full"] = Round(Ms(nameof(IncrementalBenchmark.EditOneQuote)) / Ms(nameof(IncrementalBenchmark.FullRun))),
    ["json_vs_compiled_startup"] = Round(startup[StartupBenchmark.Json].MainMs / startup[StartupBenchmark.Compiled].MainMs),
    ["json_vs_compiled_startup_wall"] = Round(startup[StartupBenchmark.Json].WallMs / startup[StartupBenchmark.Compiled].WallMs),
    ["json_vs_compiled_startup_r2r"] = Round(startup[StartupBenchmark.JsonReadyToRun].MainMs / startup[StartupBenchmark.CompiledReadyToRun].MainMs),
    ["json_vs_compiled_startup_wall_r2r"] = Round(startup[StartupBenchmark.JsonReadyToRun].WallMs / startup[StartupBenchmark.CompiledReadyToRun].WallMs),
    ["lsp_edit_vs_full_check"] = Round(lspEditMs / fullCheckMs),
    ["lsp_edit_to_diagnostics_ms"] = Round(lspEditMs),
    ["full_check_ms"] = Round(fullCheckMs),
    ["parse_bind_mb_per_s"] = Round(parseMbPerSecond),
    ["stj_mb_per_s"] = Round(stjMbPerSecond),
    ["parse_bind_per_file_mb_per_s"] = Round(perFileMbPerSecond),
    ["parse_bind_per_file_vs_stj"] = Round(perFileMbPerSecond / stjMbPerSecond),
    ["parse_bind_ms"] = Round(Ms(nameof(FrontEndBenchmark.ParseAndBind))),
    ["parse_bind_from_text_ms"] = Round(Ms(nameof(FrontEndBenchmark.ParseAndBindFromText))),
    ["parse_bind_every_core_ms"] = Round(Ms(nameof(FrontEndBenchmark.ParseAndBindOnEveryCore))),
    ["lex_floor_ms"] = Round(Ms(nameof(FrontEndBenchmark.LexFloor))),
    ["parse_vs_stj_from_text"] = Round(Ms(nameof(FrontEndBenchmark.StjDeserialize)) / Ms(nameof(FrontEndBenchmark.ParseAndBindFromText)) * corpus.StatementBytes / corpus.JsonBytes),
    ["parse_vs_stj_every_core"] = Round(Ms(nameof(FrontEndBenchmark.StjDeserialize)) / Ms(nameof(FrontEndBenchmark.ParseAndBindOnEveryCore)) * corpus.StatementBytes / corpus.JsonBytes),
    ["lex_floor_vs_stj"] = Round(Ms(nameof(FrontEndBenchmark.StjDeserialize)) / Ms(nameof(FrontEndBenchmark.LexFloor)) * corpus.StatementBytes / corpus.JsonBytes),
    ["stj_deserialize_ms"] = Round(Ms(nameof(FrontEndBenchmark.StjDeserialize))),
    ["generate_emit_with_corpus_ms"] = Round(Ms(nameof(BuildBenchmark.GenerateAndEmitWithCorpus))),
    ["emit_without_corpus_ms"] = Round(Ms(nameof(BuildBenchmark.EmitWithoutCorpus))),
    ["added_build_ms"] = Round(addedBuildMs),
    ["added_build_top_level_ids_ms"] = Round(addedTopLevelBuildMs),
    ["added_generated_members_without_data_ms"] = Round(addedMembersMs),
    ["incremental_edit_ms"] = Round(Ms(nameof(IncrementalBenchmark.EditOneQuote))),
    ["full_generator_run_ms"] = Round(Ms(nameof(IncrementalBenchmark.FullRun))),
    ["allocated_parse_bind_bytes"] = Allocated(nameof(FrontEndBenchmark.ParseAndBind)),
    ["allocated_parse_bind_from_text_bytes"] = Allocated(nameof(FrontEndBenchmark.ParseAndBindFromText)),
    ["allocated_parse_bind_per_file_bytes"] = Allocated(nameof(FrontEndBenchmark.ParseAndBindPerFile)),
    ["allocated_stj_bytes"] = Allocated(nameof(FrontEndBenchmark.StjDeserialize)),
    ["allocated_build_bytes"] = Allocated(nameof(BuildBenchmark.GenerateAndEmitWithCorpus)),
    ["allocated_incremental_edit_bytes"] = Allocated(nameof(IncrementalBenchmark.EditOneQuote)),
    ["allocated_full_run_bytes"] = Allocated(nameof(IncrementalBenchmark.FullRun)),
    ["peak_build_working_set_bytes"] = peakBuildMemory,
    ["startup_compiled_main_ms"] = Round(startup[StartupBenchmark.Compiled].MainMs),
    ["startup_json_main_ms"] = Round(startup[StartupBenchmark.Json].MainMs),
    ["startup_compiled_wall_ms"] = Round(startup[StartupBenchmark.Compiled].WallMs),
    ["startup_json_wall_ms"] = Round(startup[StartupBenchmark.Json].WallMs),
    ["startup_process_floor_wall_ms"] = Round(startup[StartupBenchmark.Floor].WallMs),
    ["startup_compiled_r2r_main_ms"] = Round(startup[StartupBenchmark.CompiledReadyToRun].MainMs),
    ["startup_json_r2r_main_ms"] = Round(startup[StartupBenchmark.JsonReadyToRun].MainMs),
    ["startup_compiled_r2r_wall_ms"] = Round(startup[StartupBenchmark.CompiledReadyToRun].WallMs),
    ["startup_json_r2r_wall_ms"] = Round(startup[StartupBenchmark.JsonReadyToRun].WallMs),
    ["startup_compiled_r2r_jit_ms"] = Round(startup[StartupBenchmark.CompiledReadyToRun].JitMs),
    ["startup_records_floor_main_ms"] = Round(startup[StartupBenchmark.RecordsFloor].MainMs),
    ["startup_records_floor_wall_ms"] = Round(startup[StartupBenchmark.RecordsFloor].WallMs),
    ["json_vs_records_floor_startup"] = Round(startup[StartupBenchmark.Json].MainMs / startup[StartupBenchmark.RecordsFloor].MainMs),
    ["compiled_vs_records_floor_startup"] = Round(startup[StartupBenchmark.Compiled].MainMs / startup[StartupBenchmark.RecordsFloor].MainMs),
    ["startup_compiled_jit_ms"] = Round(startup[StartupBenchmark.Compiled].JitMs),
    ["startup_json_jit_ms"] = Round(startup[StartupBenchmark.Json].JitMs),
    ["startup_per_class_main_ms"] = Round(startup[StartupBenchmark.PerClass].MainMs),
    ["startup_per_class_wall_ms"] = Round(startup[StartupBenchmark.PerClass].WallMs),
    ["startup_per_class_jit_ms"] = Round(startup[StartupBenchmark.PerClass].JitMs),
    ["startup_compiled_read_main_ms"] = Round(startup[StartupBenchmark.CompiledRead].MainMs),
    ["startup_json_read_main_ms"] = Round(startup[StartupBenchmark.JsonRead].MainMs),
    ["json_vs_compiled_startup_read"] = Round(startup[StartupBenchmark.JsonRead].MainMs / startup[StartupBenchmark.CompiledRead].MainMs),
    ["startup_per_class_read_main_ms"] = Round(startup[StartupBenchmark.PerClassRead].MainMs),
    ["startup_per_class_read_wall_ms"] = Round(startup[StartupBenchmark.PerClassRead].WallMs),
    ["startup_per_class_read_r2r_main_ms"] = Round(startup[StartupBenchmark.PerClassReadReadyToRun].MainMs),
    ["startup_json_read_r2r_main_ms"] = Round(startup[StartupBenchmark.JsonReadReadyToRun].MainMs),
    ["startup_passages_floor_main_ms"] = Round(startup[StartupBenchmark.PassagesFloor].MainMs),
    ["json_vs_compiled_startup_read_classes"] = Round(startup[StartupBenchmark.JsonRead].MainMs / startup[StartupBenchmark.PerClassRead].MainMs),
    ["json_vs_compiled_startup_read_classes_wall"] = Round(startup[StartupBenchmark.JsonRead].WallMs / startup[StartupBenchmark.PerClassRead].WallMs),
    ["json_vs_compiled_startup_read_classes_r2r"] = Round(startup[StartupBenchmark.JsonReadReadyToRun].MainMs / startup[StartupBenchmark.PerClassReadReadyToRun].MainMs),
    ["json_read_vs_passages_floor_startup"] = Round(startup[StartupBenchmark.JsonRead].MainMs / startup[StartupBenchmark.PassagesFloor].MainMs),
    ["compile_vs_members_floor"] = Round(addedBuildMs / addedMembersMs),
    ["archive_shape_files"] = archiveShape.Files.Count,
    ["archive_shape_stmt_bytes"] = archiveShape.StatementBytes,
    ["startup_archive_shape_per_class_read_main_ms"] = Round(startupArchiveShape[StartupBenchmark.PerClassRead].MainMs),
    ["startup_archive_shape_json_read_main_ms"] = Round(startupArchiveShape[StartupBenchmark.JsonRead].MainMs),
    ["startup_archive_shape_compiled_read_main_ms"] = Round(startupArchiveShape[StartupBenchmark.CompiledRead].MainMs),
    ["startup_archive_shape_passages_floor_main_ms"] = Round(startupArchiveShape[StartupBenchmark.PassagesFloor].MainMs),
    ["json_vs_compiled_startup_read_classes_archive_shape"] = Round(startupArchiveShape[StartupBenchmark.JsonRead].MainMs / startupArchiveShape[StartupBenchmark.PerClassRead].MainMs),
    ["json_vs_compiled_startup_read_classes_wall_archive_shape"] = Round(startupArchiveShape[StartupBenchmark.JsonRead].WallMs / startupArchiveShape[StartupBenchmark.PerClassRead].WallMs),
    ["json_vs_compiled_startup_read_classes_r2r_archive_shape"] = Round(startupArchiveShape[StartupBenchmark.JsonReadReadyToRun].MainMs / startupArchiveShape[StartupBenchmark.PerClassReadReadyToRun].MainMs),
    ["json_vs_compiled_startup_read_archive_shape"] = Round(startupArchiveShape[StartupBenchmark.JsonRead].MainMs / startupArchiveShape[StartupBenchmark.CompiledRead].MainMs),
    ["json_read_vs_passages_floor_startup_archive_shape"] = Round(startupArchiveShape[StartupBenchmark.JsonRead].MainMs / startupArchiveShape[StartupBenchmark.PassagesFloor].MainMs),
    ["app_edit_build_with_archive_ms"] = Round(archiveEdit.WithArchiveMs),
    ["app_edit_build_alone_ms"] = Round(archiveEdit.AloneMs),
    ["app_edit_with_archive_vs_alone"] = Round(archiveEdit.WithArchiveMs / archiveEdit.AloneMs),
    ["app_edit_archive_recompilations"] = archiveEdit.ArchiveRecompilations,
    ["check_process_ms"] = Round(checks[0].WallMs),
    ["check_vs_json_process"] = Round(checks[0].WallMs / checks[0].Alongside!.JsonMs),
    ["check_json_process_ms"] = Round(checks[0].Alongside!.JsonMs),
    ["check_json_built_process_ms"] = Round(checks[0].Alongside!.JsonBuiltMs),
    ["check_vs_json_built_process"] = Round(checks[0].WallMs / checks[0].Alongside!.JsonBuiltMs),
    ["check_one_core_ms"] = Round(checks[0].Alongside!.OneCoreMs),
    ["check_one_core_vs_json_process"] = Round(checks[0].Alongside!.OneCoreMs / checks[0].Alongside!.JsonMs),
    ["check_portable_ms"] = Round(checks[0].Alongside!.PortableMs),
    ["check_portable_vs_json_built_process"] = Round(checks[0].Alongside!.PortableMs / checks[0].Alongside!.JsonBuiltMs),
    ["allocated_parse_bind_vs_stj"] = Round((double)Allocated(nameof(FrontEndBenchmark.ParseAndBind)) / Allocated(nameof(FrontEndBenchmark.StjDeserialize))),
};
foreach (var (key, value) in QuoteFigures(reports))
{
    results[key] = value!.DeepClone();
}

foreach (var check in checks)
{
    var scale = check.Scale.ToString(System.Globalization.CultureInfo.InvariantCulture) + "x";
    results["check_scale_" + scale + "_stmt_bytes"] = check.StatementBytes;
    results["check_scale_" + scale + "_ms"] = Round(check.WallMs);
    results["check_scale_" + scale + "_peak_working_set_bytes"] = check.PeakWorkingSetBytes;
    results["check_scale_" + scale + "_ms_per_mb"] = Round(check.WallMs / (check.StatementBytes / 1e6));
    results["check_scale_" + scale + "_peak_bytes_per_stmt_byte"] = Round((double)check.PeakWorkingSetBytes / check.StatementBytes);
    results["render_scale_" + scale + "_ms"] = Round(check.Render.WallMs);
    results["render_scale_" + scale + "_ms_per_mb"] = Round(check.Render.WallMs / (check.StatementBytes / 1e6));
    results["render_scale_" + scale + "_peak_working_set_bytes"] = check.Render.PeakWorkingSetBytes;
    results["render_scale_" + scale + "_pages"] = check.Render.Pages;
    results["render_scale_" + scale + "_largest_page_bytes"] = check.Render.LargestPageBytes;
    results["render_scale_" + scale + "_search_index_bytes"] = check.Render.SearchIndexBytes;
    results["render_scale_" + scale + "_site_bytes"] = check.Render.SiteBytes;
}

results["render_vs_check_process"] = Round(checks[0].Render.WallMs / checks[0].WallMs);
results["render_ms_per_mb_largest_vs_smallest_scale"] = Round(checks[^1].Render.WallMs / checks[^1].StatementBytes / (checks[0].Render.WallMs / checks[0].StatementBytes));

var text = results.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(text);
if (jsonPath is not null)
{
    File.WriteAllText(jsonPath, text + "\n");
}

if (!quick)
{
    BenchmarkDocument.Write(Path.Combine(repositoryRoot, "docs", "benchmarks.md"), results);
}

// The quote lookup figures, from a run of QuoteLookupBenchmark alone or within the full run.
JsonObject QuoteFigures(Dictionary<string, BenchmarkDotNet.Reports.BenchmarkReport> quoteReports)
{
    double QuoteMs(string name) => quoteReports[name].ResultStatistics!.Mean / 1e6;
    var setup = new QuoteLookupBenchmark();
    setup.Setup();
    return new JsonObject
    {
        ["quote_files"] = setup.Files,
        ["quote_count"] = setup.Quotes,
        ["quote_document_chars"] = setup.DocumentCharacters,
        ["quote_find_per_file_ms"] = Round(QuoteMs(nameof(QuoteLookupBenchmark.FindPerFile))),
        ["quote_indexof_per_file_ms"] = Round(QuoteMs(nameof(QuoteLookupBenchmark.IndexOfPerFile))),
        ["quote_normalize_per_file_floor_ms"] = Round(QuoteMs(nameof(QuoteLookupBenchmark.NormalizePerFileFloor))),
        ["quote_lookup_vs_indexof"] = Round(QuoteMs(nameof(QuoteLookupBenchmark.FindPerFile)) / QuoteMs(nameof(QuoteLookupBenchmark.IndexOfPerFile))),
        ["quote_lookup_vs_normalize_floor"] = Round(QuoteMs(nameof(QuoteLookupBenchmark.FindPerFile)) / QuoteMs(nameof(QuoteLookupBenchmark.NormalizePerFileFloor))),
        ["quote_archive_count"] = setup.ArchiveQuotes,
        ["quote_archive_chars"] = setup.ArchiveCharacters,
        ["quote_find_archive_ms"] = Round(QuoteMs(nameof(QuoteLookupBenchmark.FindInArchive))),
        ["quote_indexof_archive_ms"] = Round(QuoteMs(nameof(QuoteLookupBenchmark.IndexOfInArchive))),
        ["quote_normalize_archive_floor_ms"] = Round(QuoteMs(nameof(QuoteLookupBenchmark.NormalizeArchiveFloor))),
        ["quote_lookup_archive_vs_indexof"] = Round(QuoteMs(nameof(QuoteLookupBenchmark.FindInArchive)) / QuoteMs(nameof(QuoteLookupBenchmark.IndexOfInArchive))),
    };
}

int? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : null;

static double Round(double value) => Math.Round(value, 3);

static long MeasurePeakWorkingSet(Action action)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    using var process = Process.GetCurrentProcess();
    var before = process.WorkingSet64;
    var peak = before;
    using var done = new ManualResetEventSlim();
    var sampler = new Thread(() =>
    {
        using var self = Process.GetCurrentProcess();
        while (!done.IsSet)
        {
            self.Refresh();
            peak = Math.Max(peak, self.WorkingSet64);
            Thread.Sleep(5);
        }
    });
    sampler.Start();
    action();
    done.Set();
    sampler.Join();
    return peak - before;
}

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "StatementDsl.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
