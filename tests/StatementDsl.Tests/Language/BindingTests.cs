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
