extern alias generator;

using System.Globalization;
using Microsoft.CodeAnalysis;

namespace StatementDsl.Tests.Generator;

public class GeneratorOutputTests
{
    internal const string Tricky = """
        // Representative corner cases: caseless-script ids, keywords, escapes, bidi isolates, nesting.
        transcript tricky_cases { title: "Tab\there, \"quoted\", back\\slash"  language: ar  status: provisional }

        org council { name: "مجلس"  kind: body  parent: council_parent }
        org council_parent { name: "Parent"  kind: other  parent: council }
        person دي_ميستورا { name: "ستيفان دي ميستورا"  name@en: "Staffan de Mistura"  alias: "SdM"  alias: "de Mistura"  for: council }
        person class { name: "\u{2067}مرحبا\u{2069} isolate"  country: GB  wikidata: Q1 }

        meeting session-7 {
          date: 2016-09
          number: 7774
          start: 10:00
          end: 2016-09-25T13:05-04:00
          kind: high_level
          convened_by: [council]
          chair: class
          agenda: ["one", "two"]
          record: "S/PV.7774"

          speech opening { by: دي_ميستورا  language: en  quote: "a \u{1F600} b"  paraphrase@ar: "قال"  note: "line\nbreak" }
          speech reply { by: council  date: 2016-09-25  via: video  to: دي_ميستورا  on_behalf_of: council_parent }
          walkout { by: class  during: reply  time: 11:00 }
          vote resolution { on: "draft S/2016/846"  for: [council]  against: [class]  outcome: vetoed }
          event applause { type: applause  by: [council]  during: opening }
        }

        statement press_remarks { by: class  date: 2016-09-25  via: social_media  url: "https://example.org/a?b=c&d"  reported_by: "AFP" }
        """;

    [Fact]
    public void Aleppo_sample_matches_its_golden_files()
    {
        var roster = File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "roster.stmt"));
        var meeting = File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "aleppo-2016-09-25.stmt"));
        var report = File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "aleppo-2016-09-25.ar.txt"));
        var (sources, diagnostics, _) = GeneratorHarness.Run(
            GeneratorHarness.File("samples/Aleppo/roster.stmt", roster),
            GeneratorHarness.File("samples/Aleppo/aleppo-2016-09-25.stmt", meeting),
            GeneratorHarness.File("samples/Aleppo/aleppo-2016-09-25.ar.txt", report));
        Assert.Empty(diagnostics);
        foreach (var (hint, text) in sources)
        {
            GoldenFile.Verify("Aleppo/" + GoldenName(hint), text);
        }
    }

    [Fact]
    public void Tricky_cases_match_their_golden_file_and_compile_without_warnings()
    {
        Assert.Empty(TestText.Compile(Tricky).Diagnostics);
        var (sources, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.File("tricky.stmt", Tricky));
        Assert.Empty(diagnostics);
        foreach (var (hint, text) in sources)
        {
            GoldenFile.Verify("Tricky/" + GoldenName(hint), text);
        }
    }

    [Fact]
    public void The_generated_api_keeps_its_nullability_for_the_code_that_uses_it()
    {
        // The generated files turn nullable warnings off for their own bodies; their signatures stay annotated.
        var (_, diagnostics, output) = GeneratorHarness.Run(GeneratorHarness.File("tricky.stmt", Tricky));
        Assert.Empty(diagnostics);
        var type = output.GetTypeByMetadataName("Sample.TrickyCases")!;
        NullableAnnotation Annotation(string name) => ((IPropertySymbol)type.GetMembers(name).Single()).Type.NullableAnnotation;

        Assert.Equal(NullableAnnotation.Annotated, Annotation("Transcript"));
        Assert.Equal(NullableAnnotation.NotAnnotated, Annotation("People"));
        Assert.Equal(NullableAnnotation.NotAnnotated, Annotation("Session7"));
    }

    [Fact]
    public void Literals_escape_bidi_and_control_characters()
    {
        var (sources, _, _) = GeneratorHarness.Run(GeneratorHarness.File("tricky.stmt", Tricky));
        var text = string.Concat(sources.Values);
        Assert.DoesNotContain('\u2067', text);
        Assert.DoesNotContain('\u2069', text);
        Assert.DoesNotContain('\t', text);
        Assert.Contains("\\u2067", text, StringComparison.Ordinal);
        Assert.All(text.Split('\n'), line => Assert.DoesNotContain('\r', line));
    }

    [Theory]
    [InlineData("plain text, كلام عربي", "plain text, كلام عربي")]
    [InlineData("say \"no\" \\ yes", "say \\\"no\\\" \\\\ yes")]
    [InlineData("tab\there\u007F", "tab\\u0009here\\u007F")]
    [InlineData("\u2067مرحبا\u2069\u200F", "\\u2067مرحبا\\u2069\\u200F")]
    [InlineData("nbsp\u00A0soft\u00ADhyphen\u2028", "nbsp\\u00A0soft\\u00ADhyphen\\u2028")]
    public void A_literal_escapes_quotes_backslashes_and_every_invisible_or_direction_changing_character(string value, string escaped) =>
        Assert.Equal(escaped, generator::StatementDsl.Generator.CSharpLiteral.Escape(value));

    [Fact]
    public void A_literal_keeps_surrogate_pairs_and_escapes_lone_surrogates()
    {
        // Not theory data: the test runner's serialization of its arguments does not keep lone surrogates.
        Assert.Equal("pair \U0001F600, lone \\uD83D and \\uDE00", generator::StatementDsl.Generator.CSharpLiteral.Escape("pair \U0001F600, lone \uD83D and \uDE00"));
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("th-TH")]
    [InlineData("fi-FI")]
    [InlineData("tr-TR")]
    public void Output_is_byte_identical_under_any_culture(string culture)
    {
        var expected = Generate(Tricky);
        var previous = CultureInfo.CurrentCulture;
        var previousUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal(expected, Generate(Tricky));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }

    [Fact]
    public void Output_is_byte_identical_for_CRLF_and_LF_input()
    {
        var lf = Tricky.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(Generate(lf), Generate(lf.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_file_with_errors_still_generates_everything_that_bound()
    {
        var (sources, diagnostics, _) = GeneratorHarness.Run(GeneratorHarness.File("broken.stmt", """
            person a { name: "x"  for: nowhere }
            person b { name: "y
            meeting m { date: 2016-02-30
              speech s { by: a }
            }
            """));
        Assert.Empty(diagnostics);
        var text = Assert.Single(sources, s => s.Key.StartsWith("Broken", StringComparison.Ordinal)).Value;
        Assert.Contains(" A => ", text, StringComparison.Ordinal);
        Assert.Contains(" M => ", text, StringComparison.Ordinal);
        Assert.Contains(" S => ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_stmt_files_generate_nothing()
    {
        var (sources, diagnostics, _) = GeneratorHarness.Run();
        Assert.Empty(sources);
        Assert.Empty(diagnostics);
    }

    private static string Generate(string text) =>
        string.Join("\n---\n", GeneratorHarness.Run(GeneratorHarness.File("tricky.stmt", text)).Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));

    /// <summary>Drops the hash from the hint name so golden files read well.</summary>
    private static string GoldenName(string hint)
    {
        var parts = hint.Split('.');
        return parts.Length == 5 ? parts[0] + ".g.cs" : hint;
    }

    [Theory]
    [InlineData("meetings.stmt", "Meetings")]
    [InlineData("memberships.stmt", "Memberships")]
    [InlineData("transcript.stmt", "Transcript")]
    public void A_file_whose_class_is_named_like_a_generated_member_is_STMT1012_and_still_compiles(string path, string member)
    {
        const string text = "person p { name: \"p\" }\n";
        var diagnostic = Assert.Single(TestText.Compile((path, text)).Diagnostics);
        Assert.Equal(("STMT1012", 1, 1), (diagnostic.Id, diagnostic.Location.Start.Line, diagnostic.Location.Start.Column));
        Assert.Contains("is also the name of one of its generated members", diagnostic.Message, StringComparison.Ordinal);

        var (_, diagnostics, output) = GeneratorHarness.Run(GeneratorHarness.File(path, text));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var type = output.GetTypeByMetadataName("Sample." + member)!;
        Assert.Empty(type.GetMembers(member));
        Assert.NotEmpty(type.GetMembers("P"));
    }
}
