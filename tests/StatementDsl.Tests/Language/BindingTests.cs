using System.Text;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;
using StatementDsl.Tests.Generator;

namespace StatementDsl.Tests.Language;

/// <summary>The two ways to bind a whole compilation agree: with the caller's trees, and parsing each file twice to keep none.</summary>
public class BindingTests
{
    public static TheoryData<string> Compilations => new()
    {
        "aleppo",
        "tricky",
        "errors",
    };

    [Theory]
    [MemberData(nameof(Compilations))]
    public void ParseAndBind_gives_what_Bind_gives(string name)
    {
        var sources = Sources(name);

        var fromTrees = Binder.Bind(sources.Select(s => Parser.Parse(s)));
        var parsedTwice = Binder.ParseAndBind(sources);

        Assert.Equal(Describe(fromTrees), Describe(parsedTwice));
        Assert.NotEmpty(fromTrees.Files.SelectMany(f => f.Entities));
    }

    [Theory]
    [MemberData(nameof(Compilations))]
    public void Declaring_from_structure_alone_finds_the_same_ids(string name)
    {
        foreach (var source in Sources(name))
        {
            var fromTree = Binder.Declare(Parser.Parse(source));
            var fromStructure = Binder.Declare(source);

            Assert.Equal(fromTree.ClassName, fromStructure.ClassName);
            Assert.Equal(fromTree.Symbols, fromStructure.Symbols);
        }
    }

    [Fact]
    public void Records_keep_where_they_are_written_without_their_syntax()
    {
        const string text = "person a { name: \"x\" }\n\nmeeting m {\n  date: 2016-09-25\n  speech s { by: a  date: 2016-09-26 }\n}\n";
        var compilation = Binder.ParseAndBind([new SourceFile("a.stmt", text)]);
        var speech = compilation.EntitiesById["s"];
        var reference = Assert.IsType<ReferenceValue>(speech.Field("by")?.Value);

        Assert.Equal(new LinePosition(5, 3), speech.Origin.Start);
        Assert.Equal("a.stmt", speech.Origin.Path);
        Assert.Equal(new TextSpan(text.IndexOf("s {", StringComparison.Ordinal), 1), speech.NameSpan);
        Assert.Equal(new TextSpan(text.IndexOf("by: a", StringComparison.Ordinal) + 4, 1), reference.Span);
        Assert.Contains(compilation.Diagnostics, d => d.Id == "STMT1009" && d.Location.Span == speech.Field("date")?.ValueSpan);
    }

    [Theory]
    [MemberData(nameof(Compilations))]
    public void Binding_UTF_8_on_several_threads_gives_what_Bind_gives(string name)
    {
        var sources = Sources(name);
        var bytes = sources.Select((s, i) => (i % 2 == 0 ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(s.Text)).ToArray()).ToList();

        var fromTrees = Binder.Bind(sources.Select(s => Parser.Parse(s)));
        var fromBytes = Binder.ParseAndBind(sources.Count, i => SourceFile.FromUtf8(sources[i].Path, bytes[i], bytes[i].Length), null, maxDegreeOfParallelism: 4);

        Assert.Equal(Describe(fromTrees), Describe(fromBytes));
    }

    [Fact]
    public void A_file_read_as_UTF_8_has_the_tokens_positions_and_diagnostics_of_its_text()
    {
        // Every kind of line break, Arabic, an identifier outside the BMP, a bidi control, and bytes that are not UTF-8.
        var utf8 = Encoding.UTF8.GetBytes("person \U0001D465 {\r\n  name: \"\u202Bحلب\"\r  role: \"x\"\n}\n// ").Concat(new byte[] { 0xFF, 0xC3 }).ToArray();
        var text = new UTF8Encoding(false, false).GetString(utf8);

        var fromText = Parser.Parse(new SourceFile("a.stmt", text));
        var fromBytes = Parser.Parse(SourceFile.FromUtf8("a.stmt", utf8, utf8.Length));

        Assert.Equal(text, fromBytes.Source.Text);
        Assert.Equal(Tokens(fromText), Tokens(fromBytes));
        Assert.Equal(TestText.Format(fromText.Diagnostics), TestText.Format(fromBytes.Diagnostics));
        Assert.Contains(fromBytes.Diagnostics, d => d.Id == "STMT0007");
        Assert.Contains(fromBytes.Diagnostics, d => d.Id == "STMT1011");
        Assert.All(Enumerable.Range(0, text.Length + 1), offset => Assert.Equal(fromText.Source.GetPosition(offset), fromBytes.Source.GetPosition(offset)));

        static string[] Tokens(SyntaxFile file) => Lexed(file.Source).Select(t => $"{t.Kind} {t.Span} {t.Text} {t.Value}").ToArray();
    }

    [Fact]
    public void A_file_read_as_UTF_8_gives_its_buffer_on_once_bound()
    {
        var utf8 = Encoding.UTF8.GetBytes("person a { name: \"حلب\" }\n");
        var kept = SourceFile.FromUtf8("kept.stmt", utf8, utf8.Length);
        var released = SourceFile.FromUtf8("released.stmt", utf8, utf8.Length);
        var text = kept.Text;

        var compilation = Binder.ParseAndBind(2, i => i == 0 ? kept : released, null, maxDegreeOfParallelism: 1);

        Assert.Equal("حلب", compilation.EntitiesById["a"].Field("name")?.Text);
        Assert.Same(text, kept.Text);
        Assert.Throws<InvalidOperationException>(() => released.Text);
        Assert.Equal(new LinePosition(1, 8), released.GetPosition(7));
    }

    [Fact]
    public void Binding_on_several_threads_throws_the_first_failure_itself()
    {
        var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        SourceFile Open(int i) => i == 3 ? throw new IOException("unreadable") : new SourceFile($"{i}.stmt", "person p" + i + " { name: \"x\" }\n");

        Assert.Equal("unreadable", Assert.Throws<IOException>(() => Binder.ParseAndBind(8, Open, null, maxDegreeOfParallelism: 4)).Message);
        Assert.ThrowsAny<OperationCanceledException>(() => Binder.ParseAndBind(8, Open, null, maxDegreeOfParallelism: 4, cancelled.Token));
    }

    private static List<Token> Lexed(SourceFile source) => new Lexer(source, new StatementDsl.Language.Diagnostics.DiagnosticBag(source)).LexAll();

    private static List<SourceFile> Sources(string name) => name switch
    {
        "aleppo" => new[] { "roster.stmt", "aleppo-2016-09-25.stmt" }.Select(f =>
            new SourceFile(f, File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", f)))).ToList(),
        "tricky" => [new SourceFile("tricky.stmt", GeneratorOutputTests.Tricky)],
        _ =>
        [
            new SourceFile("one.stmt", "person a { name: \"x\" }\nperson a { name: \"y\" }\nstatement s { by: b date: 2016-02-30 }\nspeech loose { by: a }\n"),
            new SourceFile("two.stmt", "meeting m { date: 2016\n  speech t { by: m  colour: \"red\" }\n  walkout { by: [a] during: a }\n"),
        ],
    };

    private static string[] Describe(BoundCompilation compilation) =>
        compilation.Files.SelectMany(f => f.Entities.Select(e =>
                $"{f.Path} {f.ClassName} {e.Kind} {e.Id} {e.CSharpName} {e.Origin} {e.NameSpan} {e.Meeting?.Id} " +
                string.Join(",", e.Fields.Select(x => $"{x.Name}@{x.Language}={x.ValueSpan}:{x.Value}"))))
            .Concat(TestText.Format(compilation.Diagnostics).Zip(compilation.Diagnostics, (d, full) => $"{full.Location.Path} {d} {full.Message}"))
            .ToArray();
}

/// <summary>The fields a declaration writes are a set of bits, one per field of its kind.</summary>
public class WrittenFieldsTests
{
    [Fact]
    public void Every_kind_numbers_its_fields_within_the_bits_of_an_int()
    {
        foreach (var kind in Enum.GetValues<DeclarationKind>())
        {
            var fields = DeclarationKinds.Fields(kind);
            Assert.InRange(fields.Count, 1, 31);
            Assert.Equal(Enumerable.Range(0, fields.Count), fields.Select(f => f.Index));
        }
    }

    [Fact]
    public void A_field_written_with_a_value_that_did_not_bind_still_counts_as_written()
    {
        // 'by' is written with a date and 'date' with a word: each is STMT1008, not also STMT1002 or STMT1001.
        var diagnostics = TestText.Diagnostics("person a { name: \"x\" }\nmeeting m { date: 2016\n  speech s { by: 2016 date: soon }\n}");
        Assert.Equal(new[] { "STMT1008(3,18)", "STMT1008(3,29)" }, diagnostics);
    }
}

/// <summary>The first declaration of an id and the owner of a class name are the first by ordinal path, whatever order files arrive in.</summary>
public class SymbolTableOrderTests
{
    private static readonly (string Path, string Text)[] Files =
    [
        ("b/second.stmt", "transcript shared {}\nperson x { name: \"in b\" }\norg y { name: \"in b\" }"),
        ("a/first.stmt", "transcript shared {}\nperson x { name: \"in a\" }\nperson x { name: \"again in a\" }"),
        ("c/third.stmt", "org y { name: \"in c\" }\nstatement s { by: x date: 2016 }"),
    ];

    public static TheoryData<int[]> Orders => new() { new[] { 0, 1, 2 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 }, new[] { 2, 1, 0 } };

    [Theory]
    [MemberData(nameof(Orders))]
    public void Any_order_of_files_gives_the_same_first_declarations_and_diagnostics(int[] order)
    {
        var files = order.Select(i => Files[i]).ToArray();
        var parsed = Binder.ParseAndBind(files.Select(f => new SourceFile(f.Path, f.Text)));
        var bound = TestText.Compile(files);

        foreach (var compilation in new[] { parsed, bound })
        {
            Assert.Equal("in a", compilation.EntitiesById["x"].Field("name")!.Value.Text);
            Assert.Equal("a/first.stmt", compilation.EntitiesById["x"].File.Path);
            Assert.Equal("b/second.stmt", compilation.EntitiesById["y"].File.Path);
            Assert.Equal(
                new[]
                {
                    "a/first.stmt STMT1004(3,8)", "b/second.stmt STMT1004(1,12)", "b/second.stmt STMT1004(2,8)", "b/second.stmt STMT1012(1,12)",
                    "c/third.stmt STMT1004(1,5)",
                },
                compilation.Diagnostics.Select(d => $"{d.Location.Path} {d.Id}({d.Location.Start.Line},{d.Location.Start.Column})").OrderBy(d => d, StringComparer.Ordinal));
        }
    }
}
