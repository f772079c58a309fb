using System.Diagnostics;
using System.Text;
using StatementDsl.Language.Formatting;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;
using Xunit.Abstractions;

namespace StatementDsl.Tests.Cli;

/// <summary>
/// <c>stmt format</c> killed while it rewrites files leaves every file whole: as it was, or formatted,
/// never cut short, because each file is written to a temporary file beside it and renamed over it.
/// </summary>
public class CrashSafetyTests(ITestOutputHelper output)
{
    [Fact]
    public void Killing_format_mid_run_leaves_every_file_as_it_was_or_formatted()
    {
        var files = Enumerable.Range(0, 200).Select(i => ($"talks/file_{i:000}.stmt", Unformatted(i))).ToArray();
        var folder = CliRunner.TempFolder(files);
        var expected = files.ToDictionary(
            f => Path.Combine(folder, f.Item1),
            f => (Original: f.Item2, Formatted: Formatter.WithLineEndingsOf(Formatter.Format(Parser.Parse(new SourceFile(f.Item1, f.Item2)))!, f.Item2)));
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var stmt = Path.Combine(TestText.RepositoryRoot, "src", "StatementDsl.Cli", "bin", configuration, "net10.0", "stmt.dll");

        var interrupted = 0;
        foreach (var delay in new[] { 150, 400, 700, 1000, 1500 })
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{stmt}\" format \"{folder}\"") { RedirectStandardOutput = true, UseShellExecute = false })!;
            var formattedBefore = expected.Count(e => File.ReadAllText(e.Key) == e.Value.Formatted);
            Thread.Sleep(delay);
            var running = !process.HasExited;
            process.Kill(entireProcessTree: true);
            process.WaitForExit();

            var formatted = 0;
            foreach (var (path, (original, formattedText)) in expected)
            {
                var text = File.ReadAllText(path);
                Assert.True(text == original || text == formattedText, $"{path} is neither the original nor the formatted text ({text.Length} characters)");
                formatted += text == formattedText ? 1 : 0;
            }

            output.WriteLine($"killed after {delay} ms ({(running ? "running" : "already done")}): {formatted} of {expected.Count} files formatted");
            if (running && formatted > formattedBefore && formatted < expected.Count)
            {
                interrupted++;
            }

            if (formatted == expected.Count)
            {
                break;
            }
        }

        Assert.True(interrupted > 0, "no kill landed while files were being rewritten");
        Assert.DoesNotContain(Directory.EnumerateFiles(folder, "*.stmt", SearchOption.AllDirectories), f => !expected.ContainsKey(f));
    }

    /// <summary>About 150 KB of valid records laid out as nobody would, so that each file takes a while to rewrite.</summary>
    private static string Unformatted(int seed)
    {
        var text = new StringBuilder();
        for (var s = 0; s < 400; s++)
        {
            text.Append("statement   s").Append(seed).Append('_').Append(s).Append("{by:p").Append(seed).Append('_').Append(s % 7).Append("   date:2016-09-25\n")
                .Append("      quote:\"الحكومة السورية سوف تستعيد مدينة حلب بالكامل ").Append(s).Append("\"   }\n");
        }

        for (var p = 0; p < 7; p++)
        {
            text.Append("person p").Append(seed).Append('_').Append(p).Append("{name:\"x\"}\n");
        }

        return text.ToString();
    }
}
