namespace StatementDsl.Records;

/// <summary>Builds the typed record of each kind from its decoded fields (the names of LANGUAGE.md §4 and §7).</summary>
internal static class RecordBuilder
{
    public static Transcript Transcript(string? id, SourceLocation origin, FieldValues fields) => Initialize(id, origin, fields, new Transcript
    {
        Title = fields.Text("title"),
        Language = fields.Text("language"),
        Source = fields.Text("source"),
        Published = fields.Date("published"),
        TranslatedFrom = fields.Text("translated_from"),
        Status = fields.Text("status") switch
        {
            "provisional" => TranscriptStatus.Provisional,
            "final" => TranscriptStatus.Final,
            _ => null,
        },
        Note = fields.Text("note"),
    });

    public static Person Person(string? id, SourceLocation origin, FieldValues fields) => Initialize(id, origin, fields, new Person
    {
        Names = fields.Localized("name"),
        Aliases = fields.Texts("alias"),
        Role = fields.Text("role"),
        Country = fields.Text("country"),
        Wikidata = fields.Text("wikidata"),
        ForSlot = fields.Reference("for"),
    });

    public static Organization Organization(string? id, SourceLocation origin, FieldValues fields) => Initialize(id, origin, fields, new Organization
    {
        Names = fields.Localized("name"),
        Kind = fields.Text("kind") switch
        {
            "state" => OrganizationKind.State,
            "body" => OrganizationKind.Body,
            "delegation" => OrganizationKind.Delegation,
            "party" => OrganizationKind.Party,
            "media" => OrganizationKind.Media,
            "ngo" => OrganizationKind.Ngo,
            "other" => OrganizationKind.Other,
            _ => null,
        },
        Country = fields.Text("country"),
        Abbreviation = fields.Text("abbr"),
        ParentSlot = fields.Reference("parent"),
    });

    public static Meeting Meeting(string? id, SourceLocation origin, FieldValues fields, DeferredList speeches, DeferredList events) => Initialize(id, origin, fields, new Meeting
    {
        Date = fields.Date("date"),
        Title = fields.Text("title"),
        Number = fields.Integer("number"),
        Start = fields.Text("start"),
        End = fields.Text("end"),
        Timezone = fields.Text("timezone"),
        Place = fields.Text("place"),
        Kind = fields.Text("kind") switch
        {
            "regular" => MeetingKind.Regular,
            "emergency" => MeetingKind.Emergency,
            "high_level" => MeetingKind.HighLevel,
            "closed" => MeetingKind.Closed,
            "other" => MeetingKind.Other,
            _ => null,
        },
        Agenda = fields.Texts("agenda"),
        Record = fields.Text("record"),
        BodySlot = fields.Reference("body"),
        ConvenedBySlot = fields.References("convened_by"),
        ChairSlot = fields.Reference("chair"),
        SpeechesSlot = speeches,
        EventsSlot = events,
    });

    public static Speech Speech(string? id, SourceLocation origin, FieldValues fields, Deferred meeting) => Initialize(id, origin, fields, new Speech
    {
        Date = fields.Date("date"),
        Label = fields.Text("as"),
        Language = fields.Text("language"),
        Passages = fields.Passages(),
        Via = fields.Text("via") switch
        {
            "in_person" => SpeechMode.InPerson,
            "video" => SpeechMode.Video,
            "written" => SpeechMode.Written,
            _ => null,
        },
        Start = fields.Text("start"),
        End = fields.Text("end"),
        SpeakerSlot = fields.Reference("by"),
        ToSlot = fields.Reference("to"),
        OnBehalfOfSlot = fields.Reference("on_behalf_of"),
        MeetingSlot = meeting,
    });

    public static Statement Statement(string? id, SourceLocation origin, FieldValues fields) => Initialize(id, origin, fields, new Statement
    {
        Date = fields.Date("date"),
        Label = fields.Text("as"),
        Language = fields.Text("language"),
        Passages = fields.Passages(),
        Via = fields.Text("via") switch
        {
            "press" => StatementChannel.Press,
            "social_media" => StatementChannel.SocialMedia,
            "interview" => StatementChannel.Interview,
            "letter" => StatementChannel.Letter,
            "broadcast" => StatementChannel.Broadcast,
            "communique" => StatementChannel.Communique,
            "other" => StatementChannel.Other,
            _ => null,
        },
        Place = fields.Text("place"),
        Url = fields.Text("url"),
        ReportedBy = fields.Text("reported_by"),
        SpeakerSlot = fields.Reference("by"),
        ToSlot = fields.Reference("to"),
    });

    public static MeetingEvent Event(byte kind, string? id, SourceLocation origin, FieldValues fields, Deferred meeting)
    {
        MeetingEvent built = kind switch
        {
            RecordFormat.WalkoutKind => new Walkout { DuringSlot = fields.Reference("during") },
            RecordFormat.VoteKind => new Vote
            {
                On = fields.Text("on"),
                Outcome = fields.Text("outcome") switch
                {
                    "adopted" => VoteOutcome.Adopted,
                    "rejected" => VoteOutcome.Rejected,
                    "vetoed" => VoteOutcome.Vetoed,
                    _ => null,
                },
                ForSlot = fields.References("for"),
                AgainstSlot = fields.References("against"),
                AbstainSlot = fields.References("abstain"),
            },
            _ => new Incident { Type = fields.Text("type"), DuringSlot = fields.Reference("during") },
        };
        built.InitializeEvent(meeting, fields.References("by"), fields.Text("time"), fields.Text("note"));
        return Initialize(id, origin, fields, built);
    }

    private static T Initialize<T>(string? id, SourceLocation origin, FieldValues fields, T record)
        where T : Declaration
    {
        record.Initialize(id, origin, fields.Variants());
        return record;
    }
}
