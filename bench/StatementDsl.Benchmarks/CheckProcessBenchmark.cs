using System.Diagnostics;
using StatementDsl.Testing;

namespace StatementDsl.Benchmarks;

/// <summary>One size of the scale table: the archive's size, and the median wall time and peak working set of a fresh <c>stmt check</c>.</summary>
internal sealed record CheckFigures(int Scale, long StatementBytes, int Files, double WallMs, long PeakWorkingSetBytes, RenderFigures Render);

/// <summary>A fresh <c>stmt render --to html</c> of the same archive: median wall time, peak working set, and the site it wrote.</summary>
internal sealed record RenderFigures(double WallMs, long PeakWorkingSetBytes, int Pages, long LargestPageBytes, long SearchIndexBytes, long SiteBytes);

/// <summary>
/// 7. What an archivist waits for: a fresh <c>stmt check</c> process over the corpus on disk, against
/// a fresh process that loads the same records from JSON (the start-up benchmark's JSON app), and the
/// same check over the corpus made 1×, 5× and 25× larger (the quick mode: 1×, 2× and 5×), to show that
/// time and peak memory grow linearly. Each size is also rendered as a website (<c>stmt render</c>), whose
/// time is read against the check's: rendering binds the same records, then writes every page.
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

        var figures = new List<CheckFigures>();
        foreach (var scale in scales)
        {
            var corpus = scale == 1 ? Shared.Corpus : Corpus.Create(fileCount * scale, targetBytes * scale);
            var folder = Path.Combine(root, "corpus-" + scale);
            corpus.WriteTo(folder);
            var count = scale == 1 ? runs : Math.Max(1, runs / scale);
            var stmt = Path.Combine(tool, "stmt.dll");
            var measured = Enumerable.Range(0, count).Select(_ => Measure(stmt, $"check \"{folder}\"")).ToList();
            var site = Path.Combine(root, "site-" + scale);
            var rendered = Enumerable.Range(0, count).Select(_ => Measure(stmt, $"render --to html --force \"{folder}\" -o \"{site}\"")).ToList();
            var pages = Directory.GetFiles(site, "*.html", SearchOption.AllDirectories).Select(f => new FileInfo(f).Length).ToList();
            var render = new RenderFigures(StartupBenchmark.Median(rendered.Select(m => m.WallMs)), (long)StartupBenchmark.Median(rendered.Select(m => (double)m.PeakBytes)),
                pages.Count, pages.Max(), new FileInfo(Path.Combine(site, "search-index.js")).Length,
                Directory.GetFiles(site, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length));
            figures.Add(new CheckFigures(scale, corpus.StatementBytes, corpus.Files.Count, StartupBenchmark.Median(measured.Select(m => m.WallMs)),
                (long)StartupBenchmark.Median(measured.Select(m => (double)m.PeakBytes)), render));
            Directory.Delete(folder, recursive: true);
            Directory.Delete(site, recursive: true);
        }

        Directory.Delete(root, recursive: true);
        return figures;
    }

    /// <summary>One fresh <c>stmt</c> command: its wall time, and its working set at the highest of samples taken every few milliseconds.</summary>
    private static (double WallMs, long PeakBytes) Measure(string stmt, string arguments)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{stmt}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
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
            throw new InvalidOperationException($"stmt {arguments} failed ({process.ExitCode}):\n{outputs.Result[1]}");
        }

        return (wall, peak);
    }
}
