using System.Diagnostics;
using System.Runtime.InteropServices;
using StatementDsl.Testing;

namespace StatementDsl.Benchmarks;

/// <summary>
/// One size of the scale table: the archive's size, and the median wall time and peak working set of
/// a fresh <c>stmt check</c>; at 1×, also the JSON process published ReadyToRun and built without it,
/// run in turn with it, the check on one core, and the check of the portable tool package.
/// </summary>
internal sealed record CheckFigures(int Scale, long StatementBytes, int Files, double WallMs, long PeakWorkingSetBytes, RenderFigures Render, AlongsideFigures? Alongside);

/// <summary>What runs in turn with the check at 1×, median wall times.</summary>
internal sealed record AlongsideFigures(double JsonMs, double JsonBuiltMs, double OneCoreMs, double PortableMs);

/// <summary>A fresh <c>stmt render --to html</c> of the same archive: median wall time, peak working set, and the site it wrote.</summary>
internal sealed record RenderFigures(double WallMs, long PeakWorkingSetBytes, int Pages, long LargestPageBytes, long SearchIndexBytes, long SiteBytes);

/// <summary>
/// 7. What an archivist waits for: a fresh <c>stmt check</c> process over the corpus on disk, with
/// <c>stmt</c> packed and installed as users install it (its package for this platform, compiled
/// ReadyToRun), against a fresh process that loads the same records from JSON (the start-up
/// benchmark's JSON app, published ReadyToRun for this platform too, and built without it), and the
/// same check over the corpus made 1×, 5× and 25× larger (the quick mode: 1×, 2× and 5×), to show that
/// time and peak memory grow linearly. Each size is also rendered as a website (<c>stmt render</c>), whose
/// time is read against the check's: rendering binds the same records, then writes every page. At 1×
/// the check, the JSON processes, the check held to one core (<c>DOTNET_PROCESSOR_COUNT=1</c>) and the
/// check of the portable package (what platforms without a package of their own get) run in turn, so
/// that the ratios compare runs made side by side.
/// </summary>
internal static class CheckProcessBenchmark
{
    /// <param name="runs">Fresh processes at 1× for the scale table; fewer at larger sizes, at least one.</param>
    /// <param name="pairedRuns">Turns at 1× of the check with the processes it is compared with: this machine's spread between runs a few seconds apart is ±15 %, so a ratio needs more than the table.</param>
    public static IReadOnlyList<CheckFigures> Run(IReadOnlyList<int> scales, int fileCount, long targetBytes, int runs, int pairedRuns, string repositoryRoot)
    {
        var root = Path.Combine(Path.GetTempPath(), "stmt-check-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var stmt = Install(root, repositoryRoot);
        var portable = Path.Combine(root, "portable");
        StartupBenchmark.Dotnet($"build \"{Path.Combine(repositoryRoot, "src", "StatementDsl.Cli")}\" -c Release -nologo -o \"{portable}\"", repositoryRoot);
        var jsonApp = Path.Combine(root, "json");
        var jsonPublished = Path.Combine(root, "json-published");
        StartupBenchmark.WriteJsonApp(jsonApp, Shared.Corpus);
        StartupBenchmark.Dotnet("build -c Release -nologo", jsonApp);
        StartupBenchmark.Dotnet($"publish -c Release -nologo -r {RuntimeInformation.RuntimeIdentifier} --self-contained false -p:PublishReadyToRun=true -o \"{jsonPublished}\"", jsonApp);
        var figures = new List<CheckFigures>();
        foreach (var scale in scales)
        {
            var corpus = scale == 1 ? Shared.Corpus : Corpus.Create(fileCount * scale, targetBytes * scale);
            var folder = Path.Combine(root, "corpus-" + scale);
            corpus.WriteTo(folder);
            var renders = scale == 1 ? runs : Math.Max(1, runs / scale);
            var count = scale == 1 ? Math.Max(runs, pairedRuns) : renders;
            var measured = new List<(double WallMs, long PeakBytes)>();
            var json = new List<double>();
            var jsonBuilt = new List<double>();
            var oneCore = new List<double>();
            var portableChecks = new List<double>();
            for (var run = 0; run < count; run++)
            {
                measured.Add(Measure(stmt, $"check \"{folder}\""));
                if (scale == 1)
                {
                    json.Add(Measure("dotnet", $"\"{Path.Combine(jsonPublished, "App.dll")}\" touch").WallMs);
                    jsonBuilt.Add(Measure("dotnet", $"\"{StartupBenchmark.Built(jsonApp)}\" touch").WallMs);
                    oneCore.Add(Measure(stmt, $"check \"{folder}\"", oneCore: true).WallMs);
                    portableChecks.Add(Measure("dotnet", $"\"{Path.Combine(portable, "stmt.dll")}\" check \"{folder}\"").WallMs);
                }
            }

            var site = Path.Combine(root, "site-" + scale);
            var rendered = Enumerable.Range(0, renders).Select(_ => Measure(stmt, $"render --to html --force \"{folder}\" -o \"{site}\"")).ToList();
            var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
            var render = new RenderFigures(StartupBenchmark.Median(rendered.Select(m => m.WallMs)), (long)StartupBenchmark.Median(rendered.Select(m => (double)m.PeakBytes)),
                pages.Count, pages.Max(), new FileInfo(Path.Combine(site, "search-index.js")).Length,
                Directory.GetFiles(site, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
            figures.Add(new CheckFigures(scale, corpus.StatementBytes, corpus.Files.Count, StartupBenchmark.Median(measured.Select(m => m.WallMs)),
                (long)StartupBenchmark.Median(measured.Select(m => (double)m.PeakBytes)), render,
                scale == 1 ? new AlongsideFigures(StartupBenchmark.Median(json), StartupBenchmark.Median(jsonBuilt), StartupBenchmark.Median(oneCore), StartupBenchmark.Median(portableChecks)) : null));
            Directory.Delete(folder, recursive: true);
            Directory.Delete(site, recursive: true);
        }

        Directory.Delete(root, recursive: true);
        return figures;
    }

    /// <summary>
    /// <c>stmt</c> as users get it: the tool packed (a package per platform, compiled ReadyToRun, and a
    /// portable one) and installed from that feed; the path of its command.
    /// </summary>
    private static string Install(string root, string repositoryRoot)
    {
        var feed = Path.Combine(root, "feed");
        var tool = Path.Combine(root, "tool");
        StartupBenchmark.Dotnet($"pack \"{Path.Combine(repositoryRoot, "src", "StatementDsl.Cli")}\" -c Release -nologo -o \"{feed}\"", repositoryRoot);

        // A packages folder of its own, so that no StatementDsl.Tool of the same version packed earlier is taken from the cache.
        StartupBenchmark.Dotnet($"tool install --tool-path \"{tool}\" --add-source \"{feed}\" StatementDsl.Tool", root,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(root, "packages") });
        return Path.Combine(tool, OperatingSystem.IsWindows() ? "stmt.exe" : "stmt");
    }

    /// <summary>One fresh process (<c>stmt</c> or the JSON app): its wall time, and its working set at the highest of samples taken every few milliseconds.</summary>
    private static (double WallMs, long PeakBytes) Measure(string program, string arguments, bool oneCore = false)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (oneCore)
        {
            start.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var outputs = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        long peak = 0;
        while (!process.WaitForExit(5))
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }
            catch (InvalidOperationException)
            {
                // It exited between the wait and the sample.
            }
        }

        var wall = clock.Elapsed.TotalMilliseconds;
        outputs.Wait();
        if (process.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}):\n{outputs.Result[1]}");
        }

        return (wall, peak);
    }
}
