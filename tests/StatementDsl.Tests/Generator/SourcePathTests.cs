namespace StatementDsl.Tests.Generator;

/// <summary>What a generated record records as its origin: never the build machine's folders (docs/generator.md).</summary>
public class SourcePathTests
{
    private const string Roster = "person rycroft { name: \"ماثيو ريكروفت\" }\n";
    private const string Talks = "statement post { by: rycroft  date: 2016-09-25  quote: \"إننا بحاجة\" }\n";

    [Fact]
    public void Two_clones_in_different_folders_generate_the_same_sources_with_project_relative_paths()
    {
        // Mapped as a deterministic build maps the compiler's own paths (ContinuousIntegrationBuild).
        var alice = Generate("/home/alice/src/app/", "/home/alice/src/app", "/home/alice/src/app=/_/");
        var bob = Generate("/srv/ci/build-17/app/", "/srv/ci/build-17/app", "/srv/ci/build-17/app=/_/");
        Assert.Equal(alice.Keys, bob.Keys);
        foreach (var (hint, text) in alice)
        {
            Assert.Equal(text, bob[hint]);
            Assert.DoesNotContain("/home/alice", text, StringComparison.Ordinal);
        }

        // Without PathMap only the #line directives, which go to the PDB for the debugger and the IDE,
        // name the folder; what the assembly holds (the records and the comments) does not.
        foreach (var (hint, text) in Generate("/home/alice/src/app/", "/home/alice/src/app"))
        {
            Assert.All(text.Split('\n').Where(l => l.Contains("/home/alice", StringComparison.Ordinal)), l => Assert.StartsWith("#line (", l.TrimStart(), StringComparison.Ordinal));
        }

        alice = Generate("/home/alice/src/app/", "/home/alice/src/app");

        var talks = alice.Single(s => s.Key.StartsWith("Talks.", StringComparison.Ordinal)).Value;
        Assert.Contains("// Records of records/talks.stmt.", talks, StringComparison.Ordinal);
        Assert.Contains("= \"18;records/talks.stmt", talks, StringComparison.Ordinal);
    }

    [Fact]
    public void Origins_read_at_run_time_are_relative_to_the_project()
    {
        var assembly = GeneratorHarness.Load(
            new Dictionary<string, string> { ["ProjectDir"] = "/home/alice/src/app/" },
            GeneratorHarness.File("/home/alice/src/app/records/roster.stmt", Roster),
            GeneratorHarness.File("/home/alice/src/shared/talks.stmt", Talks));
        var post = (Statement)GeneratorHarness.Property(assembly, "Talks", "Post")!;
        Assert.Equal(new SourceLocation("../shared/talks.stmt", 1, 1), post.Origin);
        Assert.Equal("records/roster.stmt", post.Speaker!.Origin!.Path);
        Assert.Equal("../shared/talks.stmt", StatementCatalog.Of(assembly).Statements.Single().Origin!.Path);
    }

    [Theory]
    [InlineData("/home/alice/src/app=/_/", "/_/records/talks.stmt")]
    [InlineData("/home/alice/src/app/=/_", "/_/records/talks.stmt")]
    [InlineData("/elsewhere=/x,/home/alice/src=/src", "/src/app/records/talks.stmt")]
    [InlineData("/home/alice/src/app=", "records/talks.stmt")]
    public void PathMap_is_honoured_as_the_compiler_honours_it(string pathMap, string expected)
    {
        var sources = Generate("/home/alice/src/app/", "/home/alice/src/app", pathMap);
        var talks = sources.Single(s => s.Key.StartsWith("Talks.", StringComparison.Ordinal)).Value;
        Assert.Contains("// Records of " + expected + ".", talks, StringComparison.Ordinal);
        Assert.DoesNotContain("/home/alice", talks, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_paths_become_relative_with_forward_slashes()
    {
        var sources = Generate(@"C:\Users\alice\app\", @"C:\Users\alice\app", separator: '\\');
        var talks = sources.Single(s => s.Key.StartsWith("Talks.", StringComparison.Ordinal)).Value;
        Assert.Contains("// Records of records/talks.stmt.", talks, StringComparison.Ordinal);
        Assert.All(talks.Split('\n').Where(l => l.Contains("alice", StringComparison.Ordinal)), l => Assert.StartsWith("#line (", l.TrimStart(), StringComparison.Ordinal));
    }

    private static IReadOnlyDictionary<string, string> Generate(string projectDirectory, string root, string? pathMap = null, char separator = '/')
    {
        var properties = new Dictionary<string, string> { ["ProjectDir"] = projectDirectory };
        if (pathMap is not null)
        {
            properties["PathMap"] = pathMap;
        }

        var (sources, diagnostics, _) = GeneratorHarness.Run(
            properties,
            GeneratorHarness.File(root + separator + "records" + separator + "roster.stmt", Roster),
            GeneratorHarness.File(root + separator + "records" + separator + "talks.stmt", Talks));
        Assert.Empty(diagnostics);
        return sources;
    }
}
