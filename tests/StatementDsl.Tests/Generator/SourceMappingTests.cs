using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StatementDsl.Tests.Generator;

/// <summary>Generated members map back to the <c>.stmt</c> file, so that go-to-definition, references and stack traces from C# land there.</summary>
public class SourceMappingTests
{
    [Fact]
    public void A_generated_property_maps_to_its_id_in_the_stmt_file()
    {
        const string roster = "/home/alice/app/samples/Aleppo/roster.stmt";
        const string meeting = "/home/alice/app/samples/Aleppo/aleppo-2016-09-25.stmt";
        var meetingText = File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "aleppo-2016-09-25.stmt"));
        var (_, diagnostics, output) = GeneratorHarness.Run(
            new Dictionary<string, string> { ["ProjectDir"] = "/home/alice/app/" },
            GeneratorHarness.File(roster, File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "roster.stmt"))),
            GeneratorHarness.File(meeting, meetingText));
        Assert.Empty(diagnostics);

        var property = output.GetTypeByMetadataName("Sample.Aleppo")!.GetMembers("JaafariSpeech").Single();
        var mapped = property.Locations.Single().GetMappedLineSpan();
        var offset = meetingText.IndexOf("speech jaafari_speech", StringComparison.Ordinal) + "speech ".Length;
        var line = meetingText[..offset].Count(c => c == '\n');
        var column = offset - (meetingText.LastIndexOf('\n', offset - 1) + 1);
        Assert.True(mapped.HasMappedPath);
        Assert.Equal(meeting, mapped.Path);
        Assert.Equal(new LinePosition(line, column), mapped.StartLinePosition);
        Assert.Equal(new LinePosition(line, column + "jaafari_speech".Length), mapped.EndLinePosition);

        // The getter's sequence point is mapped too: a stack trace through it names the .stmt line.
        var getter = output.GetTypeByMetadataName("Sample.Aleppo")!.GetMembers("get_JaafariSpeech").Single();
        Assert.Equal(meeting, getter.Locations.Single().GetMappedLineSpan().Path);
    }

    [Fact]
    public void The_debugger_path_follows_PathMap_and_the_doc_comment_names_the_file()
    {
        var (sources, diagnostics, _) = GeneratorHarness.Run(
            new Dictionary<string, string> { ["ProjectDir"] = "/home/alice/app/", ["PathMap"] = "/home/alice/app=/_/" },
            GeneratorHarness.File("/home/alice/app/talks.stmt", "person p { name: \"x\" }\nstatement post { by: p  date: 2016  quote: \"q\" }\n"));
        Assert.Empty(diagnostics);
        var talks = sources.Single(s => s.Key.StartsWith("Talks.", StringComparison.Ordinal)).Value;
        Assert.Contains("#line (2, 11) - (2, 14) ", talks, StringComparison.Ordinal);
        Assert.Contains(" \"/_/talks.stmt\"\n", talks, StringComparison.Ordinal);
        Assert.Contains("/// <summary>statement <c>post</c> (/_/talks.stmt, line 2).</summary>", talks, StringComparison.Ordinal);
        Assert.DoesNotContain("/home/alice", talks, StringComparison.Ordinal);
    }
}
