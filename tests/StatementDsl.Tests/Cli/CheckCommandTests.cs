using System.Text.Json;

namespace StatementDsl.Tests.Cli;

public class CheckCommandTests
{
    private static readonly string SampleFolder = Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo");

    [Fact]
    public void A_folder_is_searched_without_build_output_hidden_folders_or_link_loops()
    {
        const string roster = "person p { name: \"x\" }\n";
        var folder = CliRunner.TempFolder(
            ("roster.stmt", roster),
            ("talks/talk.stmt", "statement s { by: p  date: 2016 }\n"),
            ("bin/Debug/roster.stmt", roster),
            ("obj/roster.stmt", roster),
            ("node_modules/pkg/roster.stmt", roster),
            (".git/roster.stmt", roster));
        Directory.CreateSymbolicLink(Path.Combine(folder, "talks", "loop"), folder);

        var (code, output, error) = CliRunner.Run("check", folder);
        Assert.True(code == 0, output + error);
        Assert.Contains("2 file(s) checked: 0 error(s)", error, StringComparison.Ordinal);

        // A folder named on the command line is searched whatever its name.
        Assert.Contains("1 file(s) checked", CliRunner.Run("check", Path.Combine(folder, "bin")).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Aleppo_sample_checks_clean_even_when_strict()
    {
        var (code, output, error) = CliRunner.Run("check", "--strict", SampleFolder);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("2 file(s) checked: 0 error(s), 0 warning(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_print_build_style_lines_and_exit_1()
    {
        var folder = CliRunner.TempFolder(("talks.stmt", "person a { name: \"x\" }\nstatement s { by: b  date: 2016 }\n"));
        var (code, output, _) = CliRunner.Run("check", folder);
        Assert.Equal(1, code);
        var path = Path.Combine(folder, "talks.stmt").Replace('\\', '/');
        Assert.Equal($"{path}(2,19): error STMT1003: Unknown reference 'b'; did you mean 'a'?\n", output);
    }

    [Fact]
    public void Membership_rules_print_at_their_place_across_files()
    {
        var folder = CliRunner.TempFolder(
            ("roster.stmt", "org uk { name: \"UK\" }\nperson r {\n  name: \"R\"\n  membership { org: uk  from: 2015-04  until: 2018-01 }\n}\n"),
            ("talks/posts.stmt", "statement later { by: r  date: 2019-03-01T09:00Z  on_behalf_of: uk }\n"));
        var (code, output, error) = CliRunner.Run("check", folder);
        Assert.Equal(0, code);
        var path = Path.Combine(folder, "talks", "posts.stmt").Replace('\\', '/');
        Assert.Equal($"{path}(1,65): warning STMT1016: Statement 'later' is on behalf of 'uk' on 2019-03-01T09:00Z, but no membership of 'r' in 'uk' (or an org under it) covers that date; its memberships: uk (2015-04 – 2018-01)\n", output);
        Assert.Contains("2 file(s) checked: 0 error(s), 1 warning(s)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_pass_unless_strict()
    {
        var folder = CliRunner.TempFolder(("w.stmt", "statement s { date: 2016 }\n"));
        Assert.Equal(0, CliRunner.Run("check", folder).ExitCode);
        Assert.Equal(1, CliRunner.Run("check", "--strict", folder).ExitCode);
    }

    [Fact]
    public void Folders_are_searched_recursively_and_ids_are_global()
    {
        var folder = CliRunner.TempFolder(("people/roster.stmt", "person a { name: \"x\" }\n"), ("deep/er/talk.stmt", "statement s { by: a  date: 2016 }\n"));
        Assert.Equal(0, CliRunner.Run("check", "--strict", folder).ExitCode);
    }

    [Theory]
    [InlineData("check", "/no/such/path.stmt")]
    [InlineData("check")]
    [InlineData("check", "--format", "xml", ".")]
    [InlineData("check", "--bogus", ".")]
    [InlineData("frobnicate")]
    public void Usage_and_io_problems_exit_2_with_a_message_and_no_stack_trace(params string[] args)
    {
        var (code, _, error) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("stmt: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_file_exits_2()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            // Root reads any file; a folder where a file is expected is unreadable for everyone.
            var folder = CliRunner.TempFolder();
            var fake = Path.Combine(folder, "dir.stmt");
            Directory.CreateDirectory(Path.Combine(fake, "inner"));
            File.WriteAllText(Path.Combine(fake, "inner", "x.txt"), "not stmt");
            Assert.Equal(0, CliRunner.Run("check", fake).ExitCode);
            return;
        }

        var path = Path.Combine(CliRunner.TempFolder(("locked.stmt", "person a { name: \"x\" }")), "locked.stmt");
        File.SetUnixFileMode(path, UnixFileMode.None);
        var (code, _, error) = CliRunner.Run("check", path);
        Assert.Equal(2, code);
        Assert.Contains("Cannot read", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_output_is_SARIF_2_1_0_with_rules_results_and_regions()
    {
        var folder = CliRunner.TempFolder(("x.stmt", "person a { name: \"x\" }\nperson a { name: \"y\" }\n"));
        var (code, output, _) = CliRunner.Run("check", "--format", "sarif", folder);
        Assert.Equal(1, code);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs")[0];
        Assert.Equal("stmt", run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        Assert.Equal(StatementDsl.Language.Diagnostics.Rules.All.Count, rules.GetArrayLength());
        var result = Assert.Single(run.GetProperty("results").EnumerateArray());
        Assert.Equal("STMT1004", result.GetProperty("ruleId").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        Assert.Equal("STMT1004", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(2, region.GetProperty("startLine").GetInt32());
        Assert.Equal(8, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(1, result.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void Invalid_utf8_and_a_bom_are_read_as_the_compiler_reads_them()
    {
        var folder = CliRunner.TempFolder();
        var path = Path.Combine(folder, "bytes.stmt");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "person a { name: \"x"u8, 0xC3, 0x28, .. "\" }\n"u8]);
        var (code, output, _) = CliRunner.Run("check", path);
        Assert.Equal(1, code);
        Assert.Contains("(1,20): error STMT0007", output, StringComparison.Ordinal);
    }
}
