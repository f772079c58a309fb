namespace StatementDsl.Tests.Generator;

/// <summary>The generated records at run time: references are the objects, across files and in cycles.</summary>
public class GeneratedRecordsTests
{
    private static readonly Lazy<System.Reflection.Assembly> Aleppo = new(() => GeneratorHarness.Load(
        GeneratorHarness.File("samples/Aleppo/roster.stmt", File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "roster.stmt"))),
        GeneratorHarness.File("samples/Aleppo/aleppo-2016-09-25.stmt", File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "aleppo-2016-09-25.stmt")))));

    private static readonly Lazy<System.Reflection.Assembly> Tricky = new(() => GeneratorHarness.Load(GeneratorHarness.File("tricky.stmt", GeneratorOutputTests.Tricky)));

    [Fact]
    public void References_across_files_are_the_objects_themselves()
    {
        var speech = (Speech)GeneratorHarness.Property(Aleppo.Value, "Aleppo", "JaafariSpeech")!;
        var jaafari = (Person)GeneratorHarness.Property(Aleppo.Value, "Roster", "Jaafari")!;
        Assert.Same(jaafari, speech.Speaker);
        Assert.Equal("بشار الجعفري", jaafari.Name!.Value);
        Assert.Equal("Bashar al-Jaafari", jaafari.Names.Single(n => n.Language == "en").Value);
        Assert.Same(GeneratorHarness.Property(Aleppo.Value, "Roster", "Syria"), jaafari.For);
    }

    [Fact]
    public void A_speech_reached_first_still_knows_its_meeting_and_the_meeting_its_speeches()
    {
        var speech = (Speech)GeneratorHarness.Property(Aleppo.Value, "Aleppo", "DeMisturaSpeech")!;
        var meeting = speech.Meeting!;
        Assert.Same(meeting, GeneratorHarness.Property(Aleppo.Value, "Aleppo", "EmergencySession"));
        Assert.Contains(speech, meeting.Speeches);
        Assert.Equal(new PartialDate(2016, 9, 25), speech.Date);
        Assert.Equal(MeetingKind.Emergency, meeting.Kind);
        var walkout = Assert.Single(meeting.Events.OfType<Walkout>());
        Assert.Same(GeneratorHarness.Property(Aleppo.Value, "Aleppo", "JaafariSpeech"), walkout.During);
        Assert.Equal(3, walkout.By.Count);
    }

    [Fact]
    public void Cycles_resolve_in_any_order()
    {
        var parent = (Organization)GeneratorHarness.Property(Tricky.Value, "TrickyCases", "CouncilParent")!;
        var council = (Organization)GeneratorHarness.Property(Tricky.Value, "TrickyCases", "Council")!;
        Assert.Same(council, parent.Parent);
        Assert.Same(parent, council.Parent);
        Assert.Same(council, council.Parent!.Parent);
    }

    [Fact]
    public void Every_kind_and_field_comes_through()
    {
        var type = "TrickyCases";
        var transcript = (Transcript)GeneratorHarness.Property(Tricky.Value, type, "Transcript")!;
        Assert.Equal("Tab\there, \"quoted\", back\\slash", transcript.Title);
        Assert.Equal(TranscriptStatus.Provisional, transcript.Status);
        var meeting = (Meeting)GeneratorHarness.Property(Tricky.Value, type, "Session7")!;
        Assert.Equal((2016, 9, (int?)null), (meeting.Date!.Value.Year, meeting.Date.Value.Month!.Value, meeting.Date.Value.Day));
        Assert.Equal(7774, meeting.Number);
        Assert.Equal("10:00", meeting.Start);
        Assert.Equal("2016-09-25T13:05-04:00", meeting.End);
        Assert.Equal(MeetingKind.HighLevel, meeting.Kind);
        Assert.Equal(new[] { "one", "two" }, meeting.Agenda);
        Assert.Equal("S/PV.7774", meeting.Record);
        Assert.Same(GeneratorHarness.Property(Tricky.Value, type, "Class"), meeting.Chair);
        var opening = meeting.Speeches[0];
        Assert.Equal(new[] { PassageKind.Quote, PassageKind.Paraphrase, PassageKind.Note }, opening.Passages.Select(p => p.Kind));
        Assert.Equal("a \U0001F600 b", opening.Passages[0].Text);
        Assert.Equal("en", opening.Passages[0].Language);
        Assert.Equal("ar", opening.Passages[1].Language);
        Assert.Equal("line\nbreak", opening.Passages[2].Text);
        var reply = meeting.Speeches[1];
        Assert.Equal(SpeechMode.Video, reply.Via);
        Assert.Equal("دي_ميستورا", reply.To!.Id);
        Assert.Equal("council_parent", reply.OnBehalfOf!.Id);
        var vote = Assert.Single(meeting.Events.OfType<Vote>());
        Assert.Equal(VoteOutcome.Vetoed, vote.Outcome);
        Assert.Equal("class", Assert.Single(vote.Against).Id);
        var incident = Assert.Single(meeting.Events.OfType<Incident>());
        Assert.Equal("applause", incident.Type);
        Assert.Same(opening, incident.During);
        var statement = (Statement)GeneratorHarness.Property(Tricky.Value, type, "PressRemarks")!;
        Assert.Equal(StatementChannel.SocialMedia, statement.Via);
        Assert.Equal("https://example.org/a?b=c&d", statement.Url);
        Assert.Equal(new SourceLocation("tricky.stmt", 27, 1), statement.Origin);
        var person = (Person)GeneratorHarness.Property(Tricky.Value, type, "دي_ميستورا")!;
        Assert.Equal(new[] { "SdM", "de Mistura" }, person.Aliases);
        Assert.Single((System.Collections.IEnumerable)GeneratorHarness.Property(Tricky.Value, type, "Statements")!);
    }

    [Fact]
    public void With_top_level_id_properties_nested_records_have_no_property_but_are_still_reached()
    {
        var assembly = GeneratorHarness.Load(
            new Dictionary<string, string> { ["StatementDslIdProperties"] = "TopLevel" },
            GeneratorHarness.File("samples/Aleppo/roster.stmt", File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "roster.stmt"))),
            GeneratorHarness.File("samples/Aleppo/aleppo-2016-09-25.stmt", File.ReadAllText(Path.Combine(TestText.RepositoryRoot, "samples", "Aleppo", "aleppo-2016-09-25.stmt"))));
        var aleppo = assembly.GetType("Sample.Aleppo", throwOnError: true)!;
        Assert.Null(aleppo.GetProperty("JaafariSpeech"));
        Assert.Null(aleppo.GetProperty("CouncilDebate"));
        Assert.NotNull(aleppo.GetProperty("RycroftPost"));
        var meeting = (Meeting)GeneratorHarness.Property(assembly, "Aleppo", "EmergencySession")!;
        var speech = meeting.Speeches.Single(s => s.Id == "jaafari_speech");
        Assert.Same(GeneratorHarness.Property(assembly, "Roster", "Jaafari"), speech.Speaker);
        Assert.Same(speech, StatementCatalog.Of(assembly).Find("jaafari_speech"));
    }
}
