using System.Diagnostics;
using StatementDsl.Testing;

namespace StatementDsl.Benchmarks;

/// <summary>One size of the scale table: the archive's size, and the median wall time and peak working set of a fresh <c>stmt check</c>.</summary>
internal sealed record CheckFigures(int Scale, long StatementBytes, int Files, double WallMs, long PeakWorkingSetBytes);

/// <summary>
/// 7. What an archivist waits for: a fresh <c>stmt check</c> process over the corpus on disk, against
/// a fresh process that loads the same records from JSON (the start-up benchmark's JSON app), and the
/// same check over the corpus made 1×, 5× and 25× larger (the quick mode: 1×, 2× and 5×), to show that
/// time and peak memory grow linearly.
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
            var measured = Enumerable.Range(0, scale == 1 ? runs : Math.Max(1, runs / scale)).Select(_ => Measure(Path.Combine(tool, "stmt.dll"), folder)).ToList();
            figures.Add(new CheckFigures(scale, corpus.StatementBytes, corpus.Files.Count, StartupBenchmark.Median(measured.Select(m => m.WallMs)),
                (long)StartupBenchmark.Median(measured.Select(m => (double)m.PeakBytes))));
            Directory.Delete(folder, recursive: true);
        }

        Directory.Delete(root, recursive: true);
        return figures;
    }

    /// <summary>One fresh <c>stmt check</c>: its wall time, and its working set at the highest of samples taken every few milliseconds.</summary>
    private static (double WallMs, long PeakBytes) Measure(string stmt, string folder)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{stmt}\" check \"{folder}\"")
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
            throw new InvalidOperationException($"stmt check failed ({process.ExitCode}):\n{outputs.Result[1]}");
        }

        return (wall, peak);
    }
}
