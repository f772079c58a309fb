namespace StatementDsl;

/// <summary>
/// Base of every record. Generated records resolve their references on first access (so cycles and
/// any order of access work); records built in C# hold their values directly.
/// </summary>
public abstract class Declaration
{
    private IReadOnlyList<LocalizedField>? localizedFields;
    private string? id;
    private SourceLocation? origin;

    /// <summary>The id as written in the <c>.stmt</c> file; null for records without one.</summary>
    public string? Id { get => id; init => id = value; }

    /// <summary>Where the record was declared; null for records built in C#.</summary>
    public SourceLocation? Origin { get => origin; init => origin = value; }

    /// <summary>Every language-tagged variant of the record's single-valued text fields.</summary>
    public IReadOnlyList<LocalizedField> LocalizedFields { get => localizedFields ?? []; init => localizedFields = value; }

    public override string ToString() => GetType().Name + (Id is null ? string.Empty : " " + Id);

    /// <summary>Sets what every generated record has, after the kind's own initializer.</summary>
    internal void Initialize(string? recordId, SourceLocation recordOrigin, IReadOnlyList<LocalizedField> variants)
    {
        id = recordId;
        origin = recordOrigin;
        localizedFields = variants;
    }

    private protected static T? Resolve<T>(ref object? slot)
        where T : class
    {
        var value = slot;
        if (value is Records.Deferred deferred)
        {
            value = deferred.Resolve();
            slot = value;
        }

        return (T?)value;
    }

    private protected static IReadOnlyList<T> ResolveList<T>(ref object? slot)
        where T : class
    {
        var value = slot;
        if (value is Records.DeferredList deferred)
        {
            value = deferred.Resolve<T>();
            slot = value;
        }

        return (IReadOnlyList<T>?)value ?? [];
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
        get => name ?? Names.FirstOrDefault(n => n.Language is null) ?? (Names.Count > 0 ? Names[0] : null);
        init => name = value;
    }

    /// <summary>Every <c>name</c> and <c>name@tag</c>, in file order.</summary>
    public IReadOnlyList<LocalizedText> Names { get => names ?? (name is null ? [] : [name]); init => names = value; }

    public override string ToString() => Name?.Value ?? base.ToString();
}

public sealed class Person : Actor
{
    private object? @for;

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? Role { get; init; }

    public Organization? For { get => Resolve<Organization>(ref @for); init => @for = value; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; init; }

    public string? Wikidata { get; init; }

    internal object? ForSlot { set => @for = value; }
}

public sealed class Organization : Actor
{
    private object? parent;

    public OrganizationKind? Kind { get; init; }

    public string? Country { get; init; }

    public Organization? Parent { get => Resolve<Organization>(ref parent); init => parent = value; }

    public string? Abbreviation { get; init; }

    internal object? ParentSlot { set => parent = value; }
}

public sealed class Meeting : Declaration
{
    private object? body;
    private object? convenedBy;
    private object? chair;
    private object? speeches;
    private object? events;

    public PartialDate? Date { get; init; }

    public string? Title { get; init; }

    public Organization? Body { get => Resolve<Organization>(ref body); init => body = value; }

    public int? Number { get; init; }

    /// <summary>ISO 8601 time (<c>10:30</c>) or date-time (<c>2016-09-25T10:30-04:00</c>).</summary>
    public string? Start { get; init; }

    /// <summary>ISO 8601 time or date-time.</summary>
    public string? End { get; init; }

    public string? Timezone { get; init; }

    public string? Place { get; init; }

    public MeetingKind? Kind { get; init; }

    public IReadOnlyList<Organization> ConvenedBy { get => ResolveList<Organization>(ref convenedBy); init => convenedBy = value; }

    public Person? Chair { get => Resolve<Person>(ref chair); init => chair = value; }

    public IReadOnlyList<string> Agenda { get; init; } = [];

    /// <summary>The official record, such as a UN document symbol.</summary>
    public string? Record { get; init; }

    public IReadOnlyList<Speech> Speeches { get => ResolveList<Speech>(ref speeches); init => speeches = value; }

    public IReadOnlyList<MeetingEvent> Events { get => ResolveList<MeetingEvent>(ref events); init => events = value; }

    internal object? BodySlot { set => body = value; }

    internal object? ConvenedBySlot { set => convenedBy = value; }

    internal object? ChairSlot { set => chair = value; }

    internal object? SpeechesSlot { set => speeches = value; }

    internal object? EventsSlot { set => events = value; }
}

/// <summary>Words someone said: a speech in a meeting or a statement outside one.</summary>
public abstract class Utterance : Declaration
{
    private object? speaker;
    private object? to;

    /// <summary>Who spoke; null when the author left <c>by</c> out (STMT1001).</summary>
    public Actor? Speaker { get => Resolve<Actor>(ref speaker); init => speaker = value; }

    /// <summary>The utterance's own date; for a speech without one, its meeting's.</summary>
    public virtual PartialDate? Date { get; init; }

    /// <summary>The speaker's label as printed (<c>as</c>).</summary>
    public string? Label { get; init; }

    /// <summary>The language spoken (BCP 47).</summary>
    public string? Language { get; init; }

    public Actor? To { get => Resolve<Actor>(ref to); init => to = value; }

    /// <summary>Quotes, paraphrases and notes in file order.</summary>
    public IReadOnlyList<Passage> Passages { get; init; } = [];

    internal object? SpeakerSlot { set => speaker = value; }

    internal object? ToSlot { set => to = value; }
}

public sealed class Speech : Utterance
{
    private object? meeting;
    private object? onBehalfOf;
    private PartialDate? date;

    public Meeting? Meeting { get => Resolve<Meeting>(ref meeting); init => meeting = value; }

    public override PartialDate? Date { get => date ?? Meeting?.Date; init => date = value; }

    public Organization? OnBehalfOf { get => Resolve<Organization>(ref onBehalfOf); init => onBehalfOf = value; }

    public SpeechMode? Via { get; init; }

    public string? Start { get; init; }

    public string? End { get; init; }

    /// <summary>The speech's own date, without falling back to its meeting's.</summary>
    internal PartialDate? OwnDate => date;

    internal object? MeetingSlot { set => meeting = value; }

    internal object? OnBehalfOfSlot { set => onBehalfOf = value; }
}

public sealed class Statement : Utterance
{
    public StatementChannel? Via { get; init; }

    public string? Place { get; init; }

    public string? Url { get; init; }

    /// <summary>Who reported the statement (a newspaper, an agency).</summary>
    public string? ReportedBy { get; init; }
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
    public string? Time { get => time; init => time = value; }

    public string? Note { get => note; init => note = value; }

    /// <summary>Sets what every generated event has, after the kind's own initializer.</summary>
    internal void InitializeEvent(object meetingSlot, object? bySlot, string? eventTime, string? eventNote)
    {
        meeting = meetingSlot;
        by = bySlot;
        time = eventTime;
        note = eventNote;
    }
}

public sealed class Walkout : MeetingEvent
{
    private object? during;

    public Speech? During { get => Resolve<Speech>(ref during); init => during = value; }

    internal object? DuringSlot { set => during = value; }
}

public sealed class Vote : MeetingEvent
{
    private object? @for;
    private object? against;
    private object? abstain;

    /// <summary>What was voted on.</summary>
    public string? On { get; init; }

    public IReadOnlyList<Actor> For { get => ResolveList<Actor>(ref @for); init => @for = value; }

    public IReadOnlyList<Actor> Against { get => ResolveList<Actor>(ref against); init => against = value; }

    public IReadOnlyList<Actor> Abstain { get => ResolveList<Actor>(ref abstain); init => abstain = value; }

    public VoteOutcome? Outcome { get; init; }

    internal object? ForSlot { set => @for = value; }

    internal object? AgainstSlot { set => against = value; }

    internal object? AbstainSlot { set => abstain = value; }
}

/// <summary>The <c>event</c> kind: applause, a suspension, a minute of silence.</summary>
public sealed class Incident : MeetingEvent
{
    private object? during;

    public string? Type { get; init; }

    public Speech? During { get => Resolve<Speech>(ref during); init => during = value; }

    internal object? DuringSlot { set => during = value; }
}

/// <summary>File-level metadata.</summary>
public sealed class Transcript : Declaration
{
    public string? Title { get; init; }

    public string? Language { get; init; }

    public string? Source { get; init; }

    public PartialDate? Published { get; init; }

    public string? TranslatedFrom { get; init; }

    public TranscriptStatus? Status { get; init; }

    public string? Note { get; init; }
}
