using StatementDsl.Records;

namespace StatementDsl.Tests.Generator;

/// <summary>StatementCatalog over every file, and how the runtime reads the generated constants.</summary>
public class CatalogTests
{
    private static readonly Lazy<System.Reflection.Assembly> Aleppo = new(() => GeneratorHarness.Load(
        GeneratorHarness.File("samples/Aleppo/roster.stmt", File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "roster.stmt"))),
        GeneratorHarness.File("samples/Aleppo/aleppo-2016-09-25.stmt", File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "aleppo-2016-09-25.stmt")))));

    [Fact]
    public void The_catalog_lists_every_file_by_path_and_returns_the_generated_objects()
    {
        var catalog = StatementCatalog.Of(Aleppo.Value);
        Assert.Equal(11, catalog.People.Count + catalog.Organizations.Count);
        Assert.Same(GeneratorHarness.Property(Aleppo.Value, "Roster", "Jaafari"), catalog.People.Single(p => p.Id == "jaafari"));
        Assert.Same(GeneratorHarness.Property(Aleppo.Value, "Aleppo", "EmergencySession"), Assert.Single(catalog.Meetings));
        Assert.Equal(new[] { "rycroft_post", "delattre_remarks" }, catalog.Statements.Select(s => s.Id));
        Assert.Equal("aleppo", Assert.Single(catalog.Transcripts).Id);
        Assert.Same(catalog, StatementCatalog.Of(Aleppo.Value));
    }

    [Fact]
    public void Find_returns_any_record_by_id_nested_ones_included()
    {
        var catalog = StatementCatalog.Of(Aleppo.Value);
        Assert.Same(GeneratorHarness.Property(Aleppo.Value, "Aleppo", "JaafariSpeech"), catalog.Find("jaafari_speech"));
        Assert.IsType<Organization>(catalog.Find("security_council"));
        Assert.Null(catalog.Find("nobody"));
    }

    [Fact]
    public void An_assembly_without_records_has_an_empty_catalog()
    {
        var catalog = StatementCatalog.Of(typeof(CatalogTests).Assembly);
        Assert.Empty(catalog.People);
        Assert.Empty(catalog.Meetings);
        Assert.Null(catalog.Find("jaafari"));
    }

    [Fact]
    public void Records_read_from_many_threads_at_once_are_whole_and_the_same_objects()
    {
        var assembly = GeneratorHarness.Load(
            GeneratorHarness.File("roster.stmt", File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "roster.stmt"))),
            GeneratorHarness.File("aleppo.stmt", File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "aleppo-2016-09-25.stmt"))));
        var seen = new System.Collections.Concurrent.ConcurrentBag<(Speech Speech, Actor? Speaker, int Passages, string? Label)>();
        Parallel.For(0, 16, _ =>
        {
            foreach (var speech in StatementCatalog.Of(assembly).Meetings.SelectMany(m => m.Speeches))
            {
                seen.Add((speech, speech.Speaker, speech.Passages.Count, speech.Label));
            }
        });

        foreach (var group in seen.GroupBy(s => s.Speech.Id))
        {
            Assert.Single(group.Select(s => s.Speech).Distinct());
            Assert.Single(group.Select(s => (s.Speaker, s.Passages, s.Label)).Distinct());
            Assert.NotNull(group.First().Speaker);
            Assert.True(group.First().Passages > 0);
        }
    }

    [Fact]
    public void References_into_many_files_resolve_to_the_objects_their_classes_return()
    {
        // More files than the runtime's table of recurring short strings holds (64): references name
        // their target's class, and every one must still find its file.
        const int files = 80;
        var sources = Enumerable.Range(0, files).Select(i => GeneratorHarness.File(
            $"file_{i:00}.stmt",
            $"person p{i} {{ name: \"شخص {i}\" for: o{(i + 1) % files} }}\norg o{i} {{ name: \"منظمة {i}\" parent: o{(i + 7) % files} }}\n"
                + $"meeting m{i} {{ date: 2016-09-25 chair: p{(i + 3) % files} convened_by: [o{(i + 5) % files}, o{i}]\n  speech s{i} {{ by: p{(i + 11) % files} quote: \"كلمة\" }}\n}}\n"))
            .ToArray();
        var assembly = GeneratorHarness.Load(sources);
        for (var i = 0; i < files; i++)
        {
            var person = (Person)GeneratorHarness.Property(assembly, $"File{i:00}", $"P{i}")!;
            var meeting = (Meeting)GeneratorHarness.Property(assembly, $"File{i:00}", $"M{i}")!;
            Assert.Same(GeneratorHarness.Property(assembly, $"File{(i + 1) % files:00}", $"O{(i + 1) % files}"), person.For);
            Assert.Same(GeneratorHarness.Property(assembly, $"File{(i + 7) % files:00}", $"O{(i + 7) % files}"), ((Organization)GeneratorHarness.Property(assembly, $"File{i:00}", $"O{i}")!).Parent);
            Assert.Same(GeneratorHarness.Property(assembly, $"File{(i + 3) % files:00}", $"P{(i + 3) % files}"), meeting.Chair);
            Assert.Equal(new[] { $"o{(i + 5) % files}", $"o{i}" }, meeting.ConvenedBy.Select(o => o.Id));
            Assert.Same(GeneratorHarness.Property(assembly, $"File{(i + 11) % files:00}", $"P{(i + 11) % files}"), Assert.Single(meeting.Speeches).Speaker);
        }
    }

    [Fact]
    public void The_span_lookup_finds_every_key_keeps_the_first_and_answers_no_for_others()
    {
        var lookup = new SpanLookup(200);
        for (var i = 0; i < 200; i++)
        {
            Assert.True(lookup.TryAdd("id_" + i, i));
        }

        Assert.False(lookup.TryAdd("id_7", 700));
        Assert.Equal(200, lookup.Count);
        for (var i = 0; i < 200; i++)
        {
            Assert.True(lookup.TryGetValue(("x id_" + i).AsSpan(2), out var value));
            Assert.Equal(i, value);
            Assert.Equal("id_" + i, lookup.KeyAt(i));
        }

        Assert.False(lookup.TryGetValue("id_200", out _));
        Assert.False(lookup.TryGetValue(string.Empty, out _));
        Assert.False(new SpanLookup(0).TryGetValue("id_0", out _));
    }

    [Theory]
    [InlineData("Sample.StatementDslRecords+__RecordHeaders")]
    [InlineData("Sample.StatementDslRecords+__RecordData")]
    public void Reflection_reads_the_same_constants_as_the_metadata(string typeName)
    {
        var data = Aleppo.Value.GetType(typeName, throwOnError: true)!;
        var inPlace = RecordStore.ReadConstants(data).Select(c => (c.ClassName, c.Text.Span.ToString())).Order().ToList();
        var reflected = RecordStore.ReadConstantsByReflection(data).Select(c => (c.ClassName, c.Text.Span.ToString())).Order().ToList();
        Assert.Equal(new[] { "Aleppo", "Roster" }, inPlace.Select(c => c.ClassName));
        Assert.Equal(reflected, inPlace);
    }

    [Fact]
    public void Every_field_of_the_language_has_a_number_in_the_record_format()
    {
        var languageFields = Enum.GetValues<StatementDsl.Language.Semantics.DeclarationKind>()
            .SelectMany(StatementDsl.Language.Semantics.DeclarationKinds.Fields)
            .Select(f => f.Name)
            .Distinct();
        Assert.Empty(languageFields.Except(RecordFormat.FieldNames));
    }
}
