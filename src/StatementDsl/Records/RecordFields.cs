namespace StatementDsl.Records;

/// <summary>
/// The fields of a record apart from its id and position (<see cref="Declaration"/>), one storage
/// class per kind, mirroring the records' hierarchy. Each kind fills its own from the decoded body
/// (LANGUAGE.md §4 and §7); references hold their targets, resolved when the body was decoded.
/// </summary>
internal class RecordFields
{
    public IReadOnlyList<LocalizedField> LocalizedFields = [];

    public virtual void Fill(FieldValues values) => LocalizedFields = values.Variants();
}

internal abstract class ActorFields : RecordFields
{
    public IReadOnlyList<LocalizedText>? Names;
    public LocalizedText? Name;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Names = values.Localized("name");
        Name = Preferred(Names);
    }

    /// <summary>The untagged name, else the first; null when there is none.</summary>
    public static LocalizedText? Preferred(IReadOnlyList<LocalizedText> names)
    {
        foreach (var name in names)
        {
            if (name.Language is null)
            {
                return name;
            }
        }

        return names.Count > 0 ? names[0] : null;
    }
}

internal sealed class PersonFields : ActorFields
{
    public IReadOnlyList<string> Aliases = [];
    public string? Role;
    public Organization? For;
    public string? Country;
    public string? Wikidata;

    /// <summary>Null until asked for: a generated person's are gathered from every file by the store.</summary>
    public IReadOnlyList<Membership>? Memberships;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Aliases = values.Texts("alias");
        Role = values.Text("role");
        Country = values.Text("country");
        Wikidata = values.Text("wikidata");
        For = values.Reference("for") as Organization;
    }
}

internal sealed class OrganizationFields : ActorFields
{
    public OrganizationKind? Kind;
    public string? Country;
    public Organization? Parent;
    public string? Abbreviation;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Kind = values.Text("kind") switch
        {
            "state" => OrganizationKind.State,
            "body" => OrganizationKind.Body,
            "delegation" => OrganizationKind.Delegation,
            "party" => OrganizationKind.Party,
            "media" => OrganizationKind.Media,
            "ngo" => OrganizationKind.Ngo,
            "other" => OrganizationKind.Other,
            _ => null,
        };
        Country = values.Text("country");
        Abbreviation = values.Text("abbr");
        Parent = values.Reference("parent") as Organization;
    }
}

internal sealed class MeetingFields : RecordFields
{
    public PartialDate? Date;
    public string? Title;
    public Organization? Body;
    public int? Number;
    public string? Start;
    public string? End;
    public string? Timezone;
    public string? Place;
    public MeetingKind? Kind;
    public IReadOnlyList<Organization> ConvenedBy = [];
    public Person? Chair;
    public IReadOnlyList<string> Agenda = [];
    public string? Record;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Date = values.Date("date");
        Title = values.Text("title");
        Number = values.Integer("number");
        Start = values.Text("start");
        End = values.Text("end");
        Timezone = values.Text("timezone");
        Place = values.Text("place");
        Kind = values.Text("kind") switch
        {
            "regular" => MeetingKind.Regular,
            "emergency" => MeetingKind.Emergency,
            "high_level" => MeetingKind.HighLevel,
            "closed" => MeetingKind.Closed,
            "other" => MeetingKind.Other,
            _ => null,
        };
        Agenda = values.Texts("agenda");
        Record = values.Text("record");
        Body = values.Reference("body") as Organization;
        ConvenedBy = values.References<Organization>("convened_by");
        Chair = values.Reference("chair") as Person;
    }
}

internal abstract class UtteranceFields : RecordFields
{
    public Actor? Speaker;
    public PartialDate? Date;
    public string? Label;
    public string? Language;
    public Actor? To;
    public Organization? OnBehalfOf;

    /// <summary>Null until read: a generated utterance's passages are decoded on their own, when asked for.</summary>
    public IReadOnlyList<Passage>? Passages;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Date = values.Date("date");
        Label = values.Text("as");
        Language = values.Text("language");
        Speaker = values.Reference("by") as Actor;
        To = values.Reference("to") as Actor;
        OnBehalfOf = values.Reference("on_behalf_of") as Organization;
    }
}

internal sealed class SpeechFields : UtteranceFields
{
    public Meeting? Meeting;
    public SpeechMode? Via;
    public string? Start;
    public string? End;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Via = values.Text("via") switch
        {
            "in_person" => SpeechMode.InPerson,
            "video" => SpeechMode.Video,
            "written" => SpeechMode.Written,
            _ => null,
        };
        Start = values.Text("start");
        End = values.Text("end");
        Meeting = values.Meeting();
    }
}

internal sealed class StatementFields : UtteranceFields
{
    public StatementChannel? Via;
    public string? Place;
    public string? Url;
    public string? ReportedBy;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Via = values.Text("via") switch
        {
            "press" => StatementChannel.Press,
            "social_media" => StatementChannel.SocialMedia,
            "interview" => StatementChannel.Interview,
            "letter" => StatementChannel.Letter,
            "broadcast" => StatementChannel.Broadcast,
            "communique" => StatementChannel.Communique,
            "other" => StatementChannel.Other,
            _ => null,
        };
        Place = values.Text("place");
        Url = values.Text("url");
        ReportedBy = values.Text("reported_by");
    }
}

internal abstract class MeetingEventFields : RecordFields
{
    public Meeting? Meeting;
    public IReadOnlyList<Actor> By = [];
    public string? Time;
    public string? Note;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Meeting = values.Meeting();
        By = values.References<Actor>("by");
        Time = values.Text("time");
        Note = values.Text("note");
    }
}

internal sealed class WalkoutFields : MeetingEventFields
{
    public Speech? During;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        During = values.Reference("during") as Speech;
    }
}

internal sealed class VoteFields : MeetingEventFields
{
    public string? On;
    public IReadOnlyList<Actor> For = [];
    public IReadOnlyList<Actor> Against = [];
    public IReadOnlyList<Actor> Abstain = [];
    public VoteOutcome? Outcome;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        On = values.Text("on");
        Outcome = values.Text("outcome") switch
        {
            "adopted" => VoteOutcome.Adopted,
            "rejected" => VoteOutcome.Rejected,
            "vetoed" => VoteOutcome.Vetoed,
            _ => null,
        };
        For = values.References<Actor>("for");
        Against = values.References<Actor>("against");
        Abstain = values.References<Actor>("abstain");
    }
}

internal sealed class IncidentFields : MeetingEventFields
{
    public string? Type;
    public Speech? During;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Type = values.Text("type");
        During = values.Reference("during") as Speech;
    }
}

internal sealed class MembershipFields : RecordFields
{
    public Person? Person;
    public Organization? Organization;
    public string? Role;
    public PartialDate? From;
    public PartialDate? Until;
    public string? Note;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Role = values.Text("role");
        From = values.Date("from");
        Until = values.Date("until");
        Note = values.Text("note");
        Person = values.Reference("person") as Person;
        Organization = values.Reference("org") as Organization;
    }
}

internal sealed class TranscriptFields : RecordFields
{
    public string? Title;
    public string? Language;
    public string? Source;
    public string? SourceDocument;
    public PartialDate? Published;
    public string? TranslatedFrom;
    public TranscriptStatus? Status;
    public string? Note;

    public override void Fill(FieldValues values)
    {
        base.Fill(values);
        Title = values.Text("title");
        Language = values.Text("language");
        Source = values.Text("source");
        SourceDocument = values.Text("source_document");
        Published = values.Date("published");
        TranslatedFrom = values.Text("translated_from");
        Status = values.Text("status") switch
        {
            "provisional" => TranscriptStatus.Provisional,
            "final" => TranscriptStatus.Final,
            _ => null,
        };
        Note = values.Text("note");
    }
}
