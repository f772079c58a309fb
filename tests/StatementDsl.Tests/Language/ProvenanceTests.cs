extern alias generator;

using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StatementDsl.Language.Provenance;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Text;
using StatementDsl.LanguageServer;
using StatementDsl.Tests.Cli;
using StatementDsl.Tests.Generator;
using StatementDsl.Tests.LanguageServer;
using Steps = generator::StatementDsl.Generator.StatementGenerator.Steps;

namespace StatementDsl.Tests.Language;

/// <summary>Quotes checked against the document they come from (STMT1017, STMT1018; LANGUAGE.md §4).</summary>
public class ProvenanceTests
{
    private const string ReportName = "aleppo-2016-09-25.ar.txt";
    private const string MeetingName = "aleppo-2016-09-25.stmt";

    private static readonly string SampleFolder = Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo");
    private static readonly string Report = File.ReadAllText(Path.Combine(SampleFolder, ReportName));

    /// <summary>The three misquotes the issue names, each in its own quote: a changed word, a dropped word, a wrong name.</summary>
    private static readonly (string Verbatim, string Misquoted, string DocumentHas)[] Misquotes =
    [
        ("quote: \"رأينا الوضع في شرق حلب يتدهور إلى مستويات مرعبة غير مسبوقة\"", "quote: \"رأينا الوضع في شرق حلب يتدهور إلى مستويات مخيفة غير مسبوقة\"", "مرعبة"),
        ("quote: \"الحكومة السورية لن تتخلى عن بوصة واحدة من أراضينا\"", "quote: \"الحكومة السورية لن تتخلى عن بوصة من أراضينا\"", "واحدة"),
        ("quote: \"الحكومة السورية سوف تستعيد مدينة حلب بالكامل\"", "quote: \"الحكومة السورية سوف تستعيد مدينة حمص بالكامل\"", "حلب"),
    ];

    private static string Sample(string name) => File.ReadAllText(Path.Combine(SampleFolder, name));

    private static string Misquoted()
    {
        var text = Sample(MeetingName);
        foreach (var (verbatim, misquoted, _) in Misquotes)
        {
            Assert.Contains(verbatim, text, StringComparison.Ordinal);
            text = text.Replace(verbatim, misquoted, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Where each misquote's value starts in the edited file, 1-based, as every host must report it.</summary>
    private static string[] MisquotePositions(string text)
    {
        var file = new SourceFile(MeetingName, text);
        return Misquotes.Select(m =>
        {
            var position = file.GetPosition(text.IndexOf(m.Misquoted, StringComparison.Ordinal) + "quote: ".Length);
            return $"({position.Line},{position.Column})";
        }).Order(StringComparer.Ordinal).ToArray();
    }

    private static SourceDocumentIndex Index(string text) => SourceDocumentIndex.Create("doc.txt", text);

    [Theory]
    [InlineData("the  council\nmet today", "the council met today")]
    [InlineData("he said \u201Cwe will stay\u201D and left", "\"we will stay\" and left")]
    [InlineData("he said «we will stay» and left", "we will stay")]
    [InlineData("one, two, three, four", "one, … four")]
    [InlineData("one, two, three, four", "one, ... three, four")]
    [InlineData("الحكومة السورية سوف تستعيد", "الحكـــومة السورية")]
    [InlineData("الحكومة السورية سوف تستعيد", "الحُكُومَةُ السُّورِيَّةُ")]
    [InlineData("الحُكُومَةُ السُّورِيَّةُ سوف", "الحكومة السورية سوف")]
    [InlineData("خلال قرابة 6 سنوات", "خلال قرابة ٦ سنوات")]
    [InlineData("cafe\u0301 au lait", "café au lait")]
    public void Verbatim_quotes_with_spacing_marks_ellipses_tatweel_or_harakat_are_found(string document, string quote) =>
        Assert.NotNull(Index(document).Find(quote));

    [Theory]
    [InlineData("قال أحمد إن", "قال احمد إن")]
    [InlineData("في المدينة", "في المدينه")]
    [InlineData("one, two, three, four", "three … one")]
    [InlineData("The Council", "the Council")]
    public void Different_letters_and_parts_out_of_order_are_not_the_same_quote(string document, string quote) =>
        Assert.Null(Index(document).Find(quote));

    [Fact]
    public void A_found_quote_knows_its_line_and_column_in_the_document()
    {
        var match = Index("first line\r\n  second «line» here\n").Find("line here");
        Assert.Equal(new LinePosition(2, 11), match!.Position);
        Assert.Equal("line» here", "first line\r\n  second «line» here\n"[match.Start..match.End]);
    }

    [Fact]
    public void Quotes_are_found_where_a_repeated_phrase_stands_after_the_one_before_an_ellipsis()
    {
        var index = Index("a b c d. x y z. a b c e.");
        Assert.Equal(0, index.Find("a b c … x y z")!.Start);
        Assert.Equal(16, index.Find("a b c e")!.Start);
        Assert.Null(index.Find("x y z … a b c d"));
    }

    [Fact]
    public void Every_quote_of_the_sample_is_found_in_its_report()
    {
        var compilation = Binder.ParseAndBind(
            [new SourceFile(Path.Combine(SampleFolder, "roster.stmt"), Sample("roster.stmt")), new SourceFile(Path.Combine(SampleFolder, MeetingName), Sample(MeetingName))],
            SourceDocumentFiles.Create());
        Assert.Empty(compilation.Diagnostics);
        var meeting = compilation.Files.Single(f => f.Path.EndsWith(MeetingName, StringComparison.Ordinal));
        var quotes = meeting.Entities.SelectMany(e => e.Fields).Count(f => f.Name == "quote");
        Assert.Equal(quotes, compilation.QuotesOf(meeting).Matches.Count);
        Assert.Equal(ReportName, compilation.QuotesOf(meeting).DocumentPath);
    }

    [Fact]
    public void Each_misquote_is_reported_at_its_own_quote_with_the_closest_passage()
    {
        var text = Misquoted();
        var compilation = Binder.ParseAndBind(
            [new SourceFile(Path.Combine(SampleFolder, "roster.stmt"), Sample("roster.stmt")), new SourceFile(Path.Combine(SampleFolder, MeetingName), text)],
            SourceDocumentFiles.Create());
        var found = compilation.Diagnostics.Where(d => d.Id == "STMT1017").ToList();
        Assert.Equal(MisquotePositions(text), found.Select(d => $"({d.Location.Start.Line},{d.Location.Start.Column})").Order(StringComparer.Ordinal));
        Assert.Equal(found.Count, compilation.Diagnostics.Count());
        foreach (var (_, misquoted, documentHas) in Misquotes)
        {
            var at = text.IndexOf(misquoted, StringComparison.Ordinal) + "quote: ".Length;
            var diagnostic = Assert.Single(found, d => d.Location.Span.Start == at);
            Assert.Contains("the closest passage (line ", diagnostic.Message, StringComparison.Ordinal);
            Assert.Contains("where the document has «" + documentHas, diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void One_changed_letter_in_a_sample_quote_is_reported_with_the_reports_spelling()
    {
        var text = Sample(MeetingName).Replace("وقف ذلك الآن\"", "وقف ذلك الان\"", StringComparison.Ordinal);
        var compilation = Binder.ParseAndBind(
            [new SourceFile(Path.Combine(SampleFolder, "roster.stmt"), Sample("roster.stmt")), new SourceFile(Path.Combine(SampleFolder, MeetingName), text)],
            SourceDocumentFiles.Create());
        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal("STMT1017", diagnostic.Id);
        Assert.Equal(text.IndexOf("\"إننا بحاجة", StringComparison.Ordinal), diagnostic.Location.Span.Start);
        Assert.EndsWith("the quote has «الان» where the document has «الآن، مضيفا أن السفير ال…»", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_with_nothing_like_it_says_so_and_a_missing_document_is_reported_at_its_field()
    {
        var folder = CliRunner.TempFolder(("doc.txt", "Nothing of interest is said here."), ("a.stmt", "transcript t { source_document: \"doc.txt\" }\nstatement s { by: s  date: 2016  quote: \"zzzzzz qqqqqq\" }\n"),
            ("b.stmt", "transcript u {\n  source_document: \"reports/none.txt\"\n}\n"));
        var compilation = Binder.ParseAndBind(
            Directory.GetFiles(folder, "*.stmt").Order(StringComparer.Ordinal).Select(p => new SourceFile(p, File.ReadAllText(p))),
            SourceDocumentFiles.Create());
        var lost = Assert.Single(compilation.Diagnostics, d => d.Id == "STMT1017");
        Assert.Equal("Quote not found in 'doc.txt', and no passage of it resembles the quote", lost.Message);
        var missing = Assert.Single(compilation.Diagnostics, d => d.Id == "STMT1018");
        Assert.Equal((2, 20), (missing.Location.Start.Line, missing.Location.Start.Column));
        Assert.Equal("The source document 'reports/none.txt' does not exist (it is looked for relative to the .stmt file)", missing.Message);
    }

    [Fact]
    public void Stmt_check_reports_the_same_misquotes()
    {
        var folder = CliRunner.TempFolder((MeetingName, Misquoted()), ("roster.stmt", Sample("roster.stmt")), (ReportName, Report));
        var (exitCode, output, _) = CliRunner.Run("check", folder);
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n').Where(l => l.Contains("STMT1017", StringComparison.Ordinal)).ToList();
        Assert.Equal(MisquotePositions(Misquoted()), lines.Select(l => l[l.IndexOf('(', StringComparison.Ordinal)..(l.IndexOf(')', StringComparison.Ordinal) + 1)]).Order(StringComparer.Ordinal));
        Assert.Equal(1, CliRunner.Run("check", "--strict", folder).ExitCode);
    }

    [Fact]
    public async Task The_build_reports_the_same_misquotes_and_names_how_to_add_a_missing_document()
    {
        var text = Misquoted();
        var files = ImmutableArray.Create(
            GeneratorHarness.File(Path.Combine(SampleFolder, "roster.stmt"), Sample("roster.stmt")),
            GeneratorHarness.File(Path.Combine(SampleFolder, MeetingName), text),
            GeneratorHarness.File(Path.Combine(SampleFolder, ReportName), Report));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new generator::StatementDsl.Generator.StatementAnalyzer());
        var diagnostics = await GeneratorHarness.CreateCompilation(warningsAsErrors: false)
            .WithAnalyzers(analyzers, new AnalyzerOptions(files)).GetAnalyzerDiagnosticsAsync();
        Assert.Equal(
            MisquotePositions(text),
            diagnostics.Where(d => d.Id == "STMT1017").Select(d => d.Location.GetLineSpan().StartLinePosition).Select(p => $"({p.Line + 1},{p.Character + 1})").Order(StringComparer.Ordinal));
        Assert.Equal(3, diagnostics.Length);

        // Without the document among the additional files, the build says how to add it.
        var withoutReport = await GeneratorHarness.CreateCompilation(warningsAsErrors: false)
            .WithAnalyzers(analyzers, new AnalyzerOptions(files.RemoveAt(2))).GetAnalyzerDiagnosticsAsync();
        var unreadable = Assert.Single(withoutReport);
        Assert.Equal("STMT1018", unreadable.Id);
        Assert.Contains("<StatementSourceDocument Include=", unreadable.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_quotes_know_where_they_stand_in_the_document()
    {
        var assembly = GeneratorHarness.Load(
            GeneratorHarness.File("samples/Aleppo/roster.stmt", Sample("roster.stmt")),
            GeneratorHarness.File("samples/Aleppo/" + MeetingName, Sample(MeetingName)),
            GeneratorHarness.File("samples/Aleppo/" + ReportName, Report));
        var transcript = (Transcript)GeneratorHarness.Property(assembly, "Aleppo", "Transcript")!;
        Assert.Equal(ReportName, transcript.SourceDocument);
        var speech = (Speech)GeneratorHarness.Property(assembly, "Aleppo", "JaafariSpeech")!;
        var quote = speech.Passages.First(p => p.Kind == PassageKind.Quote);
        Assert.Equal(new SourceLocation(ReportName, 2, 196), quote.SourceLocation);
        Assert.StartsWith("الحكومة السورية سوف تستعيد", Report.Split('\n')[1][195..], StringComparison.Ordinal);
        Assert.All(speech.Passages.Where(p => p.Kind != PassageKind.Quote), p => Assert.Null(p.SourceLocation));
    }

    [Fact]
    public void The_json_export_gives_each_found_quote_its_source_location()
    {
        var output = Path.Combine(CliRunner.TempFolder(), "out.json");
        Assert.Equal(0, CliRunner.Run("export", "--to", "json", SampleFolder, "-o", output).ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(output));
        var file = json.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("path").GetString()!.EndsWith(MeetingName, StringComparison.Ordinal));
        Assert.Equal(ReportName, file.GetProperty("transcript").GetProperty("source_document").GetString());
        var passages = json.RootElement.GetProperty("meetings")[0].GetProperty("speeches").EnumerateArray()
            .SelectMany(s => s.GetProperty("passages").EnumerateArray()).ToList();
        Assert.All(passages.Where(p => p.GetProperty("kind").GetString() == "quote"), p => Assert.Equal(ReportName, p.GetProperty("source_location").GetProperty("path").GetString()));
        Assert.All(passages.Where(p => p.GetProperty("kind").GetString() != "quote"), p => Assert.False(p.TryGetProperty("source_location", out _)));
    }

    [Fact]
    public void A_changed_document_rebinds_only_the_file_that_names_it()
    {
        var files = new[]
        {
            GeneratorHarness.File("a/talk.stmt", "transcript t { source_document: \"talk.txt\" }\nstatement s { by: s  date: 2016  quote: \"we stay\" }\n"),
            GeneratorHarness.File("b/other.stmt", "person s { name: \"S\" }\n"),
            GeneratorHarness.File("a/talk.txt", "He said: we stay."),
            GeneratorHarness.File("b/notes.txt", "unrelated"),
        };
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = GeneratorHarness.CreateDriver("Sample", files).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(files[3], GeneratorHarness.File("b/notes.txt", "still unrelated")).RunGenerators(compilation);
        Assert.All(Reasons(driver, Steps.Bind), r => Assert.Equal(IncrementalStepRunReason.Cached, r));

        driver = driver.ReplaceAdditionalText(files[2], GeneratorHarness.File("a/talk.txt", "He said:\nwe stay, and went.")).RunGenerators(compilation);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Unchanged }, Reasons(driver, Steps.SourceDocument));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached }, Reasons(driver, Steps.Bind));
    }

    [Fact]
    public async Task The_editor_rechecks_quotes_when_the_document_changes_and_hovers_a_quote_in_its_context()
    {
        const string talk = "transcript t { source_document: \"talk.txt\" }\nperson s { name: \"S\" }\nstatement p { by: s  date: 2016  quote: \"we stay here\" }\n";
        var folder = CliRunner.TempFolder(("talk.stmt", talk), ("talk.txt", "At the door he said: we leave here, and left."));
        var talkUri = new Uri(Path.Combine(folder, "talk.stmt")).AbsoluteUri;
        var documentUri = new Uri(Path.Combine(folder, "talk.txt")).AbsoluteUri;
        using var client = new LspClient();
        await client.InitializeAsync(folder);
        var lost = Assert.Single(client.WaitForDiagnostics(talkUri, d => d.Count == 1));
        Assert.Equal("STMT1017", lost!["code"]!.GetValue<string>());
        Assert.Equal(2, lost["range"]!["start"]!["line"]!.GetValue<int>());

        // The author corrects the document on disk; the watcher tells the server.
        File.WriteAllText(Path.Combine(folder, "talk.txt"), "At the door he said: we stay here, and left.");
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject { ["changes"] = new JsonArray(new JsonObject { ["uri"] = documentUri, ["type"] = 2 }) });
        client.WaitForDiagnostics(talkUri, d => d.Count == 0);

        var hover = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = talkUri },
            ["position"] = new JsonObject { ["line"] = 2, ["character"] = 45 },
        });
        var shown = hover["result"]!["contents"]!["value"]!.GetValue<string>();
        Assert.Equal("**quote** found in `talk.txt`, line 1, column 22:\n\n> …At the door he said: **we stay here**, and left.…", shown);

        // An unsaved edit of the open document counts too.
        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = documentUri, ["languageId"] = "plaintext", ["version"] = 1, ["text"] = "He said nothing." },
        });
        client.WaitForDiagnostics(talkUri, d => d.Count == 1);
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
}
