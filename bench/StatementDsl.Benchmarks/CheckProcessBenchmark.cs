using System.Diagnostics;
using StatementDsl.Testing;

namespace StatementDsl.Benchmarks;

/// <summary>
/// One size of the scale table: the archive's size, and the median wall time and peak working set of
/// a fresh <c>stmt check</c>; at 1×, also the JSON process run in turn with it, and the check on one core.
/// </summary>
internal sealed record CheckFigures(int Scale, long StatementBytes, int Files, double WallMs, long PeakWorkingSetBytes, RenderFigures Render, double? JsonWallMs, double? OneCoreWallMs);

/// <summary>A fresh <c>stmt render --to html</c> of the same archive: median wall time, peak working set, and the site it wrote.</summary>
internal sealed record RenderFigures(double WallMs, long PeakWorkingSetBytes, int Pages, long LargestPageBytes, long SearchIndexBytes, long SiteBytes);

/// <summary>
/// 7. What an archivist waits for: a fresh <c>stmt check</c> process over the corpus on disk, against
/// a fresh process that loads the same records from JSON (the start-up benchmark's JSON app), and the
/// same check over the corpus made 1×, 5× and 25× larger (the quick mode: 1×, 2× and 5×), to show that
/// time and peak memory grow linearly. Each size is also rendered as a website (<c>stmt render</c>), whose
/// time is read against the check's: rendering binds the same records, then writes every page. At 1×
/// the check, the JSON process and the check held to one core (<c>DOTNET_PROCESSOR_COUNT=1</c>) run
/// in turn, so that the ratio compares runs made side by side and shows what binding on every core gives.
/// </summary>
internal static class CheckProcessBenchmark
{
    public static IReadOnlyList<CheckFigures> Run(IReadOnlyList<int> scales, int fileCount, long targetBytes, int runs, string repositoryRoot)
    {
        var root = Path.Combine(Path.GetTempPath(), "stmt-check-" + Guid.NewGuid().ToString("N")[..8]);
        var tool = Path.Combine(root, "tool");
        var (code, output) = ProcessRunner.Run("dotnet", $"build \"{Path.Combine(repositoryRoot, "src", "StatementDsl.Cli")}\" -c Release -nologo -o \"{tool}\"", repositoryRoot);
        if (code != 0)
        {
            throw new InvalidOperationException("building stmt failed:\n" + output);
        }

        var jsonApp = Path.Combine(root, "json");
        StartupBenchmark.WriteJsonApp(jsonApp, Shared.Corpus);
        StartupBenchmark.Dotnet("build -c Release -nologo", jsonApp);
        var figures = new List<CheckFigures>();
        foreach (var scale in scales)
        {
            var corpus = scale == 1 ? Shared.Corpus : Corpus.Create(fileCount * scale, targetBytes * scale);
            var folder = Path.Combine(root, "corpus-" + scale);
            corpus.WriteTo(folder);
            var count = scale == 1 ? runs : Math.Max(1, runs / scale);
            var stmt = Path.Combine(tool, "stmt.dll");
            var measured = new List<(double WallMs, long PeakBytes)>();
            var json = new List<double>();
            var oneCore = new List<double>();
            for (var run = 0; run < count; run++)
            {
                measured.Add(Measure(stmt, $"check \"{folder}\""));
                if (scale == 1)
                {
                    json.Add(Measure(StartupBenchmark.Built(jsonApp), "touch").WallMs);
                    oneCore.Add(Measure(stmt, $"check \"{folder}\"", oneCore: true).WallMs);
                }
            }

            var site = Path.Combine(root, "site-" + scale);
            var rendered = Enumerable.Range(0, count).Select(_ => Measure(stmt, $"render --to html --force \"{folder}\" -o \"{site}\"")).ToList();
            var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
            var render = new RenderFigures(StartupBenchmark.Median(rendered.Select(m => m.WallMs)), (long)StartupBenchmark.Median(rendered.Select(m => (double)m.PeakBytes)),
                pages.Count, pages.Max(), new FileInfo(Path.Combine(site, "search-index.js")).Length,
                Directory.GetFiles(site, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
            figures.Add(new CheckFigures(scale, corpus.StatementBytes, corpus.Files.Count, StartupBenchmark.Median(measured.Select(m => m.WallMs)),
                (long)StartupBenchmark.Median(measured.Select(m => (double)m.PeakBytes)), render,
                json.Count > 0 ? StartupBenchmark.Median(json) : null, oneCore.Count > 0 ? StartupBenchmark.Median(oneCore) : null));
            Directory.Delete(folder, recursive: true);
            Directory.Delete(site, recursive: true);
        }

        Directory.Delete(root, recursive: true);
        return figures;
    }

    /// <summary>One fresh process of <paramref name="program"/> (<c>stmt</c> or the JSON app): its wall time, and its working set at the highest of samples taken every few milliseconds.</summary>
    private static (double WallMs, long PeakBytes) Measure(string program, string arguments, bool oneCore = false)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{program}\" {arguments}")
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
