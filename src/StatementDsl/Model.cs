using StatementDsl.Records;

namespace StatementDsl;

/// <summary>
/// Base of every record. A generated record is built from its id and position alone; its other
/// fields are decoded on the first access to any of them, its references are followed on first
/// access (so cycles and any order of access work), and an utterance's passages, most of a file's
/// text, are decoded only when read. Records built in C# hold their values directly.
/// </summary>
public abstract class Declaration
{
    private IReadOnlyList<LocalizedField>? localizedFields;
    private string? id;
    private SourceLocation? origin;
    private RecordFile? source;
    private RecordFile? unread;
    private int index;

    /// <summary>The id as written in the <c>.stmt</c> file; null for records without one.</summary>
    public string? Id { get => id; init => id = value; }

    /// <summary>Where the record was declared; null for records built in C#.</summary>
    public SourceLocation? Origin { get => origin ??= source?.OriginOf(index); init => origin = value; }

    /// <summary>Every language-tagged variant of the record's single-valued text fields.</summary>
    public IReadOnlyList<LocalizedField> LocalizedFields { get => Read(ref localizedFields) ?? []; init => localizedFields = value; }

    public override string ToString() => GetType().Name + (Id is null ? string.Empty : " " + Id);

    /// <summary>Makes this a generated record whose fields are read from <paramref name="file"/> on first access.</summary>
    internal void Attach(string? recordId, RecordFile file, int recordIndex)
    {
        id = recordId;
        source = file;
        index = recordIndex;
        unread = file;
    }

    /// <summary>Sets this record's fields from its decoded ones: each generated kind reads its own (LANGUAGE.md §4 and §7).</summary>
    private protected virtual void Fill(FieldValues fields) => localizedFields = fields.Variants();

    /// <summary>A field's value, once the record's fields are decoded.</summary>
    private protected T Read<T>(ref T field)
    {
        if (Volatile.Read(ref unread) is not null)
        {
            ReadFields();
        }

        return field;
    }

    private protected T? Resolve<T>(ref object? slot)
        where T : class
    {
        var value = Read(ref slot);
        if (value is Deferred deferred)
        {
            value = deferred.Resolve();
            slot = value;
        }

        return (T?)value;
    }

    private protected IReadOnlyList<T> ResolveList<T>(ref object? slot)
        where T : class
    {
        Read(ref slot);
        return ResolveBuiltList<T>(ref slot);
    }

    /// <summary>A list set when the record was built rather than read from its body (a meeting's speeches and events come from the file's layout), so reaching it decodes nothing.</summary>
    private protected static IReadOnlyList<T> ResolveBuiltList<T>(ref object? slot)
        where T : class
    {
        var value = slot;
        if (value is DeferredList deferred)
        {
            value = deferred.Resolve<T>();
            slot = value;
        }

        return (IReadOnlyList<T>?)value ?? [];
    }

    private void ReadFields()
    {
        lock (this)
        {
            if (unread is { } file)
            {
                using var fields = file.Fields(index);
                Fill(fields);
                Volatile.Write(ref unread, null);
            }
        }
    }
}

/// <summary>A person or an organization: anyone who can speak.</summary>
public abstract class Actor : Declaration
{
    private IReadOnlyList<LocalizedText>? names;
    private LocalizedText? name;

    /// <summary>The untagged name, else the first.</summary>
    public LocalizedText? Name
    {
        get => Read(ref name) ?? Names.FirstOrDefault(n => n.Language is null) ?? (Names.Count > 0 ? Names[0] : null);
        init => name = value;
    }

    /// <summary>Every <c>name</c> and <c>name@tag</c>, in file order.</summary>
    public IReadOnlyList<LocalizedText> Names { get => Read(ref names) ?? (name is null ? [] : [name]); init => names = value; }

    public override string ToString() => Name?.Value ?? base.ToString();

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        names = fields.Localized("name");
    }
}

public sealed class Person : Actor
{
    private IReadOnlyList<string> aliases = [];
    private string? role;
    private object? @for;
    private string? country;
    private string? wikidata;

    public IReadOnlyList<string> Aliases { get => Read(ref aliases); init => aliases = value; }

    public string? Role { get => Read(ref role); init => role = value; }

    public Organization? For { get => Resolve<Organization>(ref @for); init => @for = value; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get => Read(ref country); init => country = value; }

    public string? Wikidata { get => Read(ref wikidata); init => wikidata = value; }

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        aliases = fields.Texts("alias");
        role = fields.Text("role");
        country = fields.Text("country");
        wikidata = fields.Text("wikidata");
        @for = fields.Reference("for");
    }
}

public sealed class Organization : Actor
{
    private OrganizationKind? kind;
    private string? country;
    private object? parent;
    private string? abbreviation;

    public OrganizationKind? Kind { get => Read(ref kind); init => kind = value; }

    public string? Country { get => Read(ref country); init => country = value; }

    public Organization? Parent { get => Resolve<Organization>(ref parent); init => parent = value; }

    public string? Abbreviation { get => Read(ref abbreviation); init => abbreviation = value; }

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        kind = fields.Text("kind") switch
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
        country = fields.Text("country");
        abbreviation = fields.Text("abbr");
        parent = fields.Reference("parent");
    }
}

public sealed class Meeting : Declaration
{
    private PartialDate? date;
    private string? title;
    private object? body;
    private int? number;
    private string? start;
    private string? end;
    private string? timezone;
    private string? place;
    private MeetingKind? kind;
    private object? convenedBy;
    private object? chair;
    private IReadOnlyList<string> agenda = [];
    private string? record;
    private object? speeches;
    private object? events;

    public PartialDate? Date { get => Read(ref date); init => date = value; }

    public string? Title { get => Read(ref title); init => title = value; }

    public Organization? Body { get => Resolve<Organization>(ref body); init => body = value; }

    public int? Number { get => Read(ref number); init => number = value; }

    /// <summary>ISO 8601 time (<c>10:30</c>) or date-time (<c>2016-09-25T10:30-04:00</c>).</summary>
    public string? Start { get => Read(ref start); init => start = value; }

    /// <summary>ISO 8601 time or date-time.</summary>
    public string? End { get => Read(ref end); init => end = value; }

    public string? Timezone { get => Read(ref timezone); init => timezone = value; }

    public string? Place { get => Read(ref place); init => place = value; }

    public MeetingKind? Kind { get => Read(ref kind); init => kind = value; }

    public IReadOnlyList<Organization> ConvenedBy { get => ResolveList<Organization>(ref convenedBy); init => convenedBy = value; }

    public Person? Chair { get => Resolve<Person>(ref chair); init => chair = value; }

    public IReadOnlyList<string> Agenda { get => Read(ref agenda); init => agenda = value; }

    /// <summary>The official record, such as a UN document symbol.</summary>
    public string? Record { get => Read(ref record); init => record = value; }

    public IReadOnlyList<Speech> Speeches { get => ResolveBuiltList<Speech>(ref speeches); init => speeches = value; }

    public IReadOnlyList<MeetingEvent> Events { get => ResolveBuiltList<MeetingEvent>(ref events); init => events = value; }

    /// <summary>Sets the speeches and events of a generated meeting from its file's layout, before the meeting is published.</summary>
    internal void AttachChildren(DeferredList meetingSpeeches, DeferredList meetingEvents)
    {
        speeches = meetingSpeeches;
        events = meetingEvents;
    }

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        date = fields.Date("date");
        title = fields.Text("title");
        number = fields.Integer("number");
        start = fields.Text("start");
        end = fields.Text("end");
        timezone = fields.Text("timezone");
        place = fields.Text("place");
        kind = fields.Text("kind") switch
        {
            "regular" => MeetingKind.Regular,
            "emergency" => MeetingKind.Emergency,
            "high_level" => MeetingKind.HighLevel,
            "closed" => MeetingKind.Closed,
            "other" => MeetingKind.Other,
            _ => null,
        };
        agenda = fields.Texts("agenda");
        record = fields.Text("record");
        body = fields.Reference("body");
        convenedBy = fields.References("convened_by");
        chair = fields.Reference("chair");
    }
}

/// <summary>Words someone said: a speech in a meeting or a statement outside one.</summary>
public abstract class Utterance : Declaration
{
    private object? speaker;
    private PartialDate? date;
    private string? label;
    private string? language;
    private object? to;
    private object? passages;

    /// <summary>Who spoke; null when the author left <c>by</c> out (STMT1001).</summary>
    public Actor? Speaker { get => Resolve<Actor>(ref speaker); init => speaker = value; }

    /// <summary>The utterance's own date; for a speech without one, its meeting's.</summary>
    public virtual PartialDate? Date { get => Read(ref date); init => date = value; }

    /// <summary>The speaker's label as printed (<c>as</c>).</summary>
    public string? Label { get => Read(ref label); init => label = value; }

    /// <summary>The language spoken (BCP 47).</summary>
    public string? Language { get => Read(ref language); init => language = value; }

    public Actor? To { get => Resolve<Actor>(ref to); init => to = value; }

    /// <summary>Quotes, paraphrases and notes in file order.</summary>
    public IReadOnlyList<Passage> Passages { get => Resolve<IReadOnlyList<Passage>>(ref passages) ?? []; init => passages = value; }

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        date = fields.Date("date");
        label = fields.Text("as");
        language = fields.Text("language");
        speaker = fields.Reference("by");
        to = fields.Reference("to");
        passages = fields.Passages();
    }
}

public sealed class Speech : Utterance
{
    private object? meeting;
    private object? onBehalfOf;
    private SpeechMode? via;
    private string? start;
    private string? end;

    public Meeting? Meeting { get => Resolve<Meeting>(ref meeting); init => meeting = value; }

    public override PartialDate? Date { get => base.Date ?? Meeting?.Date; init => base.Date = value; }

    public Organization? OnBehalfOf { get => Resolve<Organization>(ref onBehalfOf); init => onBehalfOf = value; }

    public SpeechMode? Via { get => Read(ref via); init => via = value; }

    public string? Start { get => Read(ref start); init => start = value; }

    public string? End { get => Read(ref end); init => end = value; }

    /// <summary>The speech's own date, without falling back to its meeting's.</summary>
    internal PartialDate? OwnDate => base.Date;

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        via = fields.Text("via") switch
        {
            "in_person" => SpeechMode.InPerson,
            "video" => SpeechMode.Video,
            "written" => SpeechMode.Written,
            _ => null,
        };
        start = fields.Text("start");
        end = fields.Text("end");
        onBehalfOf = fields.Reference("on_behalf_of");
        meeting = fields.Meeting();
    }
}

public sealed class Statement : Utterance
{
    private StatementChannel? via;
    private string? place;
    private string? url;
    private string? reportedBy;

    public StatementChannel? Via { get => Read(ref via); init => via = value; }

    public string? Place { get => Read(ref place); init => place = value; }

    public string? Url { get => Read(ref url); init => url = value; }

    /// <summary>Who reported the statement (a newspaper, an agency).</summary>
    public string? ReportedBy { get => Read(ref reportedBy); init => reportedBy = value; }

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        via = fields.Text("via") switch
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
        place = fields.Text("place");
        url = fields.Text("url");
        reportedBy = fields.Text("reported_by");
    }
}

/// <summary>Something that happened in a meeting: a walkout, a vote, another incident.</summary>
public abstract class MeetingEvent : Declaration
{
    private object? meeting;
    private object? by;
    private string? time;
    private string? note;

    public Meeting? Meeting { get => Resolve<Meeting>(ref meeting); init => meeting = value; }

    public IReadOnlyList<Actor> By { get => ResolveList<Actor>(ref by); init => by = value; }

    /// <summary>ISO 8601 time or date-time.</summary>
    public string? Time { get => Read(ref time); init => time = value; }

    public string? Note { get => Read(ref note); init => note = value; }

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        meeting = fields.Meeting();
        by = fields.References("by");
        time = fields.Text("time");
        note = fields.Text("note");
    }
}

public sealed class Walkout : MeetingEvent
{
    private object? during;

    public Speech? During { get => Resolve<Speech>(ref during); init => during = value; }

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        during = fields.Reference("during");
    }
}

public sealed class Vote : MeetingEvent
{
    private string? on;
    private object? @for;
    private object? against;
    private object? abstain;
    private VoteOutcome? outcome;

    /// <summary>What was voted on.</summary>
    public string? On { get => Read(ref on); init => on = value; }

    public IReadOnlyList<Actor> For { get => ResolveList<Actor>(ref @for); init => @for = value; }

    public IReadOnlyList<Actor> Against { get => ResolveList<Actor>(ref against); init => against = value; }

    public IReadOnlyList<Actor> Abstain { get => ResolveList<Actor>(ref abstain); init => abstain = value; }

    public VoteOutcome? Outcome { get => Read(ref outcome); init => outcome = value; }

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        on = fields.Text("on");
        outcome = fields.Text("outcome") switch
        {
            "adopted" => VoteOutcome.Adopted,
            "rejected" => VoteOutcome.Rejected,
            "vetoed" => VoteOutcome.Vetoed,
            _ => null,
        };
        @for = fields.References("for");
        against = fields.References("against");
        abstain = fields.References("abstain");
    }
}

/// <summary>The <c>event</c> kind: applause, a suspension, a minute of silence.</summary>
public sealed class Incident : MeetingEvent
{
    private string? type;
    private object? during;

    public string? Type { get => Read(ref type); init => type = value; }

    public Speech? During { get => Resolve<Speech>(ref during); init => during = value; }

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        type = fields.Text("type");
        during = fields.Reference("during");
    }
}

/// <summary>File-level metadata.</summary>
public sealed class Transcript : Declaration
{
    private string? title;
    private string? language;
    private string? source;
    private PartialDate? published;
    private string? translatedFrom;
    private TranscriptStatus? status;
    private string? note;

    public string? Title { get => Read(ref title); init => title = value; }

    public string? Language { get => Read(ref language); init => language = value; }

    public string? Source { get => Read(ref source); init => source = value; }

    public PartialDate? Published { get => Read(ref published); init => published = value; }

    public string? TranslatedFrom { get => Read(ref translatedFrom); init => translatedFrom = value; }

    public TranscriptStatus? Status { get => Read(ref status); init => status = value; }

    public string? Note { get => Read(ref note); init => note = value; }

    private protected override void Fill(FieldValues fields)
    {
        base.Fill(fields);
        title = fields.Text("title");
        language = fields.Text("language");
        source = fields.Text("source");
        published = fields.Date("published");
        translatedFrom = fields.Text("translated_from");
        status = fields.Text("status") switch
        {
            "provisional" => TranscriptStatus.Provisional,
            "final" => TranscriptStatus.Final,
            _ => null,
        };
        note = fields.Text("note");
    }
}
