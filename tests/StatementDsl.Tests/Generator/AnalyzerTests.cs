extern alias generator;

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StatementAnalyzer = generator::StatementDsl.Generator.StatementAnalyzer;

namespace StatementDsl.Tests.Generator;

public class AnalyzerTests
{
    private static async Task<ImmutableArray<Diagnostic>> Analyze(CancellationToken cancellationToken, params AdditionalText[] files)
    {
        var compilation = GeneratorHarness.CreateCompilation(warningsAsErrors: false);
        var options = new AnalyzerOptions(files.ToImmutableArray());
        var withAnalyzers = compilation.WithAnalyzers([new StatementAnalyzer()], options);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
    }

    /// <summary>Each diagnostic as <c>path(line,column) id severity</c>, in ordinal order.</summary>
    private static IEnumerable<string> Shown(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Location.GetLineSpan().Path}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1}) {d.Id} {d.Severity}")
            .Order(StringComparer.Ordinal);

    [Fact]
    public async Task Diagnostics_point_at_the_stmt_files_own_line_and_column()
    {
        var diagnostics = await Analyze(
            CancellationToken.None,
            GeneratorHarness.File("/p/roster.stmt", "person a { name: \"x\" }\n"),
            GeneratorHarness.File("/p/meeting.stmt", "meeting m { date: 2016\n  speech s { quote: \"q\" }\n  speech t { by: b }\n}\n"));
        var shown = Shown(diagnostics);
        Assert.Equal(new[] { "/p/meeting.stmt(2,10) STMT1001 Warning", "/p/meeting.stmt(3,18) STMT1003 Error" }, shown);
        var unknown = diagnostics.Single(d => d.Id == "STMT1003");
        Assert.Equal("Unknown reference 'b'; did you mean 'a'?", unknown.GetMessage());
        Assert.EndsWith("docs/diagnostics/STMT1003.md", unknown.Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("root = true\n[*.stmt]\ndotnet_diagnostic.STMT1001.severity = error\n", "Error")]
    [InlineData("root = true\n[*]\ndotnet_diagnostic.stmt1001.severity = suggestion\n", "Info")]
    [InlineData("root = true\n[**/talks/*.{stmt,txt}]\ndotnet_analyzer_diagnostic.category-Semantics.severity = error\n", "Error")]
    [InlineData("root = true\n[other/*.stmt]\ndotnet_diagnostic.STMT1001.severity = error\n", "Warning")]
    [InlineData("[*.stmt]\ndotnet_diagnostic.STMT1001.severity = error\n[meeting.stmt]\ndotnet_diagnostic.STMT1001.severity = default\n", "Warning")]
    public async Task Editorconfig_sections_set_the_severity_of_stmt_diagnostics(string editorConfig, string expected)
    {
        var diagnostics = await Analyze(
            CancellationToken.None,
            GeneratorHarness.File("/p/.editorconfig", editorConfig),
            GeneratorHarness.File("/p/talks/meeting.stmt", "meeting m { date: 2016\n  speech s { quote: \"q\" }\n}\n"));
        Assert.Equal(expected, Assert.Single(diagnostics).Severity.ToString());
    }

    [Fact]
    public async Task Severity_none_silences_and_nearer_files_win()
    {
        var diagnostics = await Analyze(
            CancellationToken.None,
            GeneratorHarness.File("/p/.editorconfig", "root = true\n[*.stmt]\ndotnet_diagnostic.STMT1001.severity = error\n"),
            GeneratorHarness.File("/p/talks/.editorconfig", "[*.stmt]\ndotnet_diagnostic.STMT1001.severity = none\n"),
            GeneratorHarness.File("/p/talks/meeting.stmt", "meeting m { date: 2016\n  speech s { quote: \"q\" }\n}\n"),
            GeneratorHarness.File("/p/other.stmt", "statement t { date: 2016 }\n"));
        var remaining = Assert.Single(diagnostics);
        Assert.Equal(("/p/other.stmt", DiagnosticSeverity.Error), (remaining.Location.GetLineSpan().Path, remaining.Severity));
    }

    [Fact]
    public async Task Membership_rules_and_date_times_reach_the_build_at_their_own_line_and_column()
    {
        var diagnostics = await Analyze(
            CancellationToken.None,
            GeneratorHarness.File("/p/roster.stmt", "org uk { name: \"UK\" }\nperson r {\n  name: \"R\"\n  membership { org: uk  from: 2015-04  until: 2018-01 }\n  membership swapped { org: uk  from: 2019  until: 2018 }\n}\n"),
            GeneratorHarness.File("/p/talks.stmt", "statement post { by: r  date: 2016-09-25T14:32Z  on_behalf_of: uk }\nstatement later { by: r  date: 2018-06-01T22:10:05+03:00  on_behalf_of: uk }\n"));
        var shown = Shown(diagnostics);
        Assert.Equal(new[] { "/p/roster.stmt(5,52) STMT1015 Error", "/p/talks.stmt(2,73) STMT1016 Warning" }, shown);
    }

    [Fact]
    public async Task A_cancelled_analysis_stops_with_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Analyze(cancelled.Token, GeneratorHarness.File("/p/a.stmt", "person a { name: \"x\" }")));
    }

    [Fact]
    public void Descriptors_agree_with_the_rule_catalog()
    {
        var descriptors = new StatementAnalyzer().SupportedDiagnostics;
        Assert.Equal(StatementDsl.Language.Diagnostics.Rules.All.Select(r => r.Id), descriptors.Select(d => d.Id));
        foreach (var (rule, descriptor) in StatementDsl.Language.Diagnostics.Rules.All.Zip(descriptors))
        {
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(rule.DefaultSeverity.ToString(), descriptor.DefaultSeverity.ToString());
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
        }
    }
}
