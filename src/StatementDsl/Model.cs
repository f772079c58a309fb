using StatementDsl.Records;

namespace StatementDsl;

/// <summary>
/// Base of every record. A generated record is built from its id and position alone: the object holds
/// those and its file, and its other fields live in a storage object (<see cref="RecordFields"/>)
/// decoded on the first access to any of them, so a start-up that reaches every record and reads its
/// id allocates a small object per record (docs/benchmarks.md). References are resolved when a body
/// is decoded, to their targets' small objects (so cycles and any order of access work), and an
/// utterance's passages, most of a file's text, are decoded only when read. A record built in C# creates its storage at its first
/// <c>init</c>.
/// </summary>
public abstract class Declaration
{
    private string? id;
    private SourceLocation? origin;
    private RecordFile? source;
    private int index;
    private RecordFields? fields;

    /// <summary>The id as written in the <c>.stmt</c> file; null for records without one.</summary>
    public string? Id { get => id; init => id = value; }

    /// <summary>Where the record was declared; null for records built in C#.</summary>
    public SourceLocation? Origin { get => origin ??= source?.OriginOf(index); init => origin = value; }

    /// <summary>Every language-tagged variant of the record's single-valued text fields.</summary>
    public IReadOnlyList<LocalizedField> LocalizedFields { get => Fields<RecordFields>().LocalizedFields; init => Init<RecordFields>().LocalizedFields = value; }

    public override string ToString() => GetType().Name + (Id is null ? string.Empty : " " + Id);

    /// <summary>Makes this a generated record whose fields are read from <paramref name="file"/> on first access.</summary>
    internal void Attach(string? recordId, RecordFile file, int recordIndex)
    {
        id = recordId;
        source = file;
        index = recordIndex;
    }

    /// <summary>The empty storage of this kind's fields.</summary>
    private protected abstract RecordFields CreateFields();

    /// <summary>The record's fields; a generated record's are decoded from its file on the first call.</summary>
    private protected T Fields<T>()
        where T : RecordFields => (T)(Volatile.Read(ref fields) ?? ReadFields());

    /// <summary>The fields an <c>init</c> accessor of a record built in C# sets.</summary>
    private protected T Init<T>()
        where T : RecordFields => (T)(fields ??= CreateFields());

    /// <summary>The store a generated record was read from; null for a record built in C#.</summary>
    private protected RecordStore? Store => source?.Store;

    /// <summary>The passages of a generated utterance, decoded now; none for a record built in C#.</summary>
    private protected IReadOnlyList<Passage> ReadPassages() => source?.Passages(index) ?? [];

    private RecordFields ReadFields()
    {
        lock (this)
        {
            if (fields is null)
            {
                var created = CreateFields();
                if (source is { } file)
                {
                    using var values = file.Fields(index);
                    created.Fill(values);
                }

                Volatile.Write(ref fields, created);
            }

            return fields;
        }
    }
}

/// <summary>A person or an organization: anyone who can speak.</summary>
public abstract class Actor : Declaration
{
    /// <summary>The untagged name, else the first.</summary>
    public LocalizedText? Name
    {
        get => Fields<ActorFields>().Name ?? ActorFields.Preferred(Names);
        init => Init<ActorFields>().Name = value;
    }

    /// <summary>Every <c>name</c> and <c>name@tag</c>, in file order.</summary>
    public IReadOnlyList<LocalizedText> Names
    {
        get => Fields<ActorFields>() is var fields && fields.Names is { } names ? names : fields.Name is { } name ? [name] : [];
        init => Init<ActorFields>().Names = value;
    }

    public override string ToString() => Name?.Value ?? base.ToString();
}

public sealed class Person : Actor
{
    public IReadOnlyList<string> Aliases { get => Fields<PersonFields>().Aliases; init => Init<PersonFields>().Aliases = value; }

    public string? Role { get => Fields<PersonFields>().Role; init => Init<PersonFields>().Role = value; }

    public Organization? For { get => Fields<PersonFields>().For; init => Init<PersonFields>().For = value; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get => Fields<PersonFields>().Country; init => Init<PersonFields>().Country = value; }

    public string? Wikidata { get => Fields<PersonFields>().Wikidata; init => Init<PersonFields>().Wikidata = value; }

    /// <summary>
    /// Every membership of the person, from any file of the compilation (nested in the person or at the
    /// top of a file), ordered by <see cref="Membership.From"/>, those without one first, file order on ties.
    /// </summary>
    public IReadOnlyList<Membership> Memberships
    {
        get => Fields<PersonFields>() is var fields && fields.Memberships is { } memberships ? memberships : fields.Memberships = Store?.MembershipsOf(this) ?? [];
        init => Init<PersonFields>().Memberships = Membership.OrderedByFrom(value);
    }

    /// <summary>The memberships that cover <paramref name="date"/> (<see cref="Membership.Covers"/>), in the order of <see cref="Memberships"/>.</summary>
    public IReadOnlyList<Membership> MembershipsOn(PartialDate date)
    {
        List<Membership>? covering = null;
        foreach (var membership in Memberships)
        {
            if (membership.Covers(date))
            {
                (covering ??= []).Add(membership);
            }
        }

        return covering ?? (IReadOnlyList<Membership>)[];
    }

    private protected override RecordFields CreateFields() => new PersonFields();
}

public sealed class Organization : Actor
{
    public OrganizationKind? Kind { get => Fields<OrganizationFields>().Kind; init => Init<OrganizationFields>().Kind = value; }

    public string? Country { get => Fields<OrganizationFields>().Country; init => Init<OrganizationFields>().Country = value; }

    public Organization? Parent { get => Fields<OrganizationFields>().Parent; init => Init<OrganizationFields>().Parent = value; }

    public string? Abbreviation { get => Fields<OrganizationFields>().Abbreviation; init => Init<OrganizationFields>().Abbreviation = value; }

    private protected override RecordFields CreateFields() => new OrganizationFields();

}

public sealed class Meeting : Declaration
{
    // Set when a generated meeting is built, from its file's layout: reaching them decodes nothing.
    private object? speeches;
    private object? events;

    public PartialDate? Date { get => Fields<MeetingFields>().Date; init => Init<MeetingFields>().Date = value; }

    public string? Title { get => Fields<MeetingFields>().Title; init => Init<MeetingFields>().Title = value; }

    public Organization? Body { get => Fields<MeetingFields>().Body; init => Init<MeetingFields>().Body = value; }

    public int? Number { get => Fields<MeetingFields>().Number; init => Init<MeetingFields>().Number = value; }

    /// <summary>ISO 8601 time (<c>10:30</c>) or date-time (<c>2016-09-25T10:30-04:00</c>).</summary>
    public string? Start { get => Fields<MeetingFields>().Start; init => Init<MeetingFields>().Start = value; }

    /// <summary>ISO 8601 time or date-time.</summary>
    public string? End { get => Fields<MeetingFields>().End; init => Init<MeetingFields>().End = value; }

    public string? Timezone { get => Fields<MeetingFields>().Timezone; init => Init<MeetingFields>().Timezone = value; }

    public string? Place { get => Fields<MeetingFields>().Place; init => Init<MeetingFields>().Place = value; }

    public MeetingKind? Kind { get => Fields<MeetingFields>().Kind; init => Init<MeetingFields>().Kind = value; }

    public IReadOnlyList<Organization> ConvenedBy { get => Fields<MeetingFields>().ConvenedBy; init => Init<MeetingFields>().ConvenedBy = value; }

    public Person? Chair { get => Fields<MeetingFields>().Chair; init => Init<MeetingFields>().Chair = value; }

    public IReadOnlyList<string> Agenda { get => Fields<MeetingFields>().Agenda; init => Init<MeetingFields>().Agenda = value; }

    /// <summary>The official record, such as a UN document symbol.</summary>
    public string? Record { get => Fields<MeetingFields>().Record; init => Init<MeetingFields>().Record = value; }

    public IReadOnlyList<Speech> Speeches { get => FollowList<Speech>(ref speeches); init => speeches = value; }

    public IReadOnlyList<MeetingEvent> Events { get => FollowList<MeetingEvent>(ref events); init => events = value; }

    /// <summary>Sets the speeches and events of a generated meeting from its file's layout, before the meeting is published.</summary>
    internal void AttachChildren(DeferredList meetingSpeeches, DeferredList meetingEvents)
    {
        speeches = meetingSpeeches;
        events = meetingEvents;
    }

    private protected override RecordFields CreateFields() => new MeetingFields();

    /// <summary>The speeches or events a slot holds, a generated meeting's built on first access; empty when the slot is.</summary>
    private static IReadOnlyList<T> FollowList<T>(ref object? slot)
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
}

/// <summary>Words someone said: a speech in a meeting or a statement outside one.</summary>
public abstract class Utterance : Declaration
{
    /// <summary>Who spoke; null when the author left <c>by</c> out (STMT1001).</summary>
    public Actor? Speaker { get => Fields<UtteranceFields>().Speaker; init => Init<UtteranceFields>().Speaker = value; }

    /// <summary>The utterance's own date; for a speech without one, its meeting's.</summary>
    public virtual PartialDate? Date { get => Fields<UtteranceFields>().Date; init => Init<UtteranceFields>().Date = value; }

    /// <summary>The speaker's label as printed (<c>as</c>).</summary>
    public string? Label { get => Fields<UtteranceFields>().Label; init => Init<UtteranceFields>().Label = value; }

    /// <summary>The language spoken (BCP 47).</summary>
    public string? Language { get => Fields<UtteranceFields>().Language; init => Init<UtteranceFields>().Language = value; }

    public Actor? To { get => Fields<UtteranceFields>().To; init => Init<UtteranceFields>().To = value; }

    /// <summary>The org the speaker spoke for (<c>on_behalf_of</c>).</summary>
    public Organization? OnBehalfOf { get => Fields<UtteranceFields>().OnBehalfOf; init => Init<UtteranceFields>().OnBehalfOf = value; }

    /// <summary>
    /// The speaker's membership that covers the utterance's date, the post they spoke in (LANGUAGE.md §4):
    /// among those in <see cref="OnBehalfOf"/> or an org under it when given, else among all, the one
    /// with the latest <c>from</c>, the first in file order on a tie; null when none covers the date.
    /// </summary>
    public Membership? SpeakerMembership => Speaker is Person person && Date is { } date ? Membership.PostOn(person, date, OnBehalfOf) : null;

    /// <summary>Quotes, paraphrases and notes in file order; a generated utterance's are decoded on first read, most of a file's text.</summary>
    public IReadOnlyList<Passage> Passages
    {
        get => Fields<UtteranceFields>() is var fields && fields.Passages is { } passages ? passages : fields.Passages = ReadPassages();
        init => Init<UtteranceFields>().Passages = value;
    }
}

public sealed class Speech : Utterance
{
    public Meeting? Meeting { get => Fields<SpeechFields>().Meeting; init => Init<SpeechFields>().Meeting = value; }

    public override PartialDate? Date { get => base.Date ?? Meeting?.Date; init => base.Date = value; }

    public SpeechMode? Via { get => Fields<SpeechFields>().Via; init => Init<SpeechFields>().Via = value; }

    public string? Start { get => Fields<SpeechFields>().Start; init => Init<SpeechFields>().Start = value; }

    public string? End { get => Fields<SpeechFields>().End; init => Init<SpeechFields>().End = value; }

    /// <summary>The speech's own date, without falling back to its meeting's.</summary>
    internal PartialDate? OwnDate => base.Date;

    private protected override RecordFields CreateFields() => new SpeechFields();
}

public sealed class Statement : Utterance
{
    public StatementChannel? Via { get => Fields<StatementFields>().Via; init => Init<StatementFields>().Via = value; }

    public string? Place { get => Fields<StatementFields>().Place; init => Init<StatementFields>().Place = value; }

    public string? Url { get => Fields<StatementFields>().Url; init => Init<StatementFields>().Url = value; }

    /// <summary>Who reported the statement (a newspaper, an agency).</summary>
    public string? ReportedBy { get => Fields<StatementFields>().ReportedBy; init => Init<StatementFields>().ReportedBy = value; }

    private protected override RecordFields CreateFields() => new StatementFields();
}

/// <summary>Something that happened in a meeting: a walkout, a vote, another incident.</summary>
public abstract class MeetingEvent : Declaration
{
    public Meeting? Meeting { get => Fields<MeetingEventFields>().Meeting; init => Init<MeetingEventFields>().Meeting = value; }

    public IReadOnlyList<Actor> By { get => Fields<MeetingEventFields>().By; init => Init<MeetingEventFields>().By = value; }

    /// <summary>ISO 8601 time or date-time.</summary>
    public string? Time { get => Fields<MeetingEventFields>().Time; init => Init<MeetingEventFields>().Time = value; }

    public string? Note { get => Fields<MeetingEventFields>().Note; init => Init<MeetingEventFields>().Note = value; }
}

public sealed class Walkout : MeetingEvent
{
    public Speech? During { get => Fields<WalkoutFields>().During; init => Init<WalkoutFields>().During = value; }

    private protected override RecordFields CreateFields() => new WalkoutFields();
}

public sealed class Vote : MeetingEvent
{
    /// <summary>What was voted on.</summary>
    public string? On { get => Fields<VoteFields>().On; init => Init<VoteFields>().On = value; }

    public IReadOnlyList<Actor> For { get => Fields<VoteFields>().For; init => Init<VoteFields>().For = value; }

    public IReadOnlyList<Actor> Against { get => Fields<VoteFields>().Against; init => Init<VoteFields>().Against = value; }

    public IReadOnlyList<Actor> Abstain { get => Fields<VoteFields>().Abstain; init => Init<VoteFields>().Abstain = value; }

    public VoteOutcome? Outcome { get => Fields<VoteFields>().Outcome; init => Init<VoteFields>().Outcome = value; }

    private protected override RecordFields CreateFields() => new VoteFields();
}

/// <summary>The <c>event</c> kind: applause, a suspension, a minute of silence.</summary>
public sealed class Incident : MeetingEvent
{
    public string? Type { get => Fields<IncidentFields>().Type; init => Init<IncidentFields>().Type = value; }

    public Speech? During { get => Fields<IncidentFields>().During; init => Init<IncidentFields>().During = value; }

    private protected override RecordFields CreateFields() => new IncidentFields();
}

/// <summary>A role or affiliation over time (Popolo Membership): who held which post in which org, from when until when.</summary>
public sealed class Membership : Declaration
{
    public Person? Person { get => Fields<MembershipFields>().Person; init => Init<MembershipFields>().Person = value; }

    public Organization? Organization { get => Fields<MembershipFields>().Organization; init => Init<MembershipFields>().Organization = value; }

    /// <summary>The post as printed ("Permanent Representative").</summary>
    public string? Role { get => Fields<MembershipFields>().Role; init => Init<MembershipFields>().Role = value; }

    public PartialDate? From { get => Fields<MembershipFields>().From; init => Init<MembershipFields>().From = value; }

    public PartialDate? Until { get => Fields<MembershipFields>().Until; init => Init<MembershipFields>().Until = value; }

    public string? Note { get => Fields<MembershipFields>().Note; init => Init<MembershipFields>().Note = value; }

    /// <summary>
    /// True when the membership, from the start of <see cref="From"/> to the end of <see cref="Until"/>
    /// (an open end unbounded), shares a moment with <paramref name="date"/>: <c>until: 2018-08</c> covers
    /// 2018-08-31, and a membership from March 2016 covers a statement dated only <c>2016</c>.
    /// </summary>
    public bool Covers(PartialDate date) => Dates.DateSpan.Covers(From?.Span, Until?.Span, date.Span);

    /// <summary>Whether the membership is in <paramref name="organization"/> or an org whose parent chain leads to it; a cycle ends the walk.</summary>
    public bool IsIn(Organization organization)
    {
        var visited = new HashSet<Organization>(ReferenceEqualityComparer.Instance);
        for (var current = Organization; current is not null && visited.Add(current); current = current.Parent)
        {
            if (ReferenceEquals(current, organization))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The post a person held on a date, as <see cref="Utterance.SpeakerMembership"/> defines it.</summary>
    internal static Membership? PostOn(Person person, PartialDate date, Organization? onBehalfOf)
    {
        Membership? post = null;
        foreach (var membership in person.Memberships)
        {
            if (membership.Covers(date) && (onBehalfOf is null || membership.IsIn(onBehalfOf))
                && (post is null || (membership.From is { } from && (post.From is not { } best || from > best))))
            {
                post = membership;
            }
        }

        return post;
    }

    /// <summary>Sorted by <see cref="From"/>, those without one first; a stable sort keeps file order on ties.</summary>
    internal static Membership[] OrderedByFrom(IEnumerable<Membership> memberships) =>
        memberships.OrderBy(m => m.From.HasValue).ThenBy(m => m.From ?? default).ToArray();

    public override string ToString() => base.ToString() + (Role is null ? string.Empty : " (" + Role + ")");

    private protected override RecordFields CreateFields() => new MembershipFields();
}

/// <summary>File-level metadata.</summary>
public sealed class Transcript : Declaration
{
    public string? Title { get => Fields<TranscriptFields>().Title; init => Init<TranscriptFields>().Title = value; }

    public string? Language { get => Fields<TranscriptFields>().Language; init => Init<TranscriptFields>().Language = value; }

    public string? Source { get => Fields<TranscriptFields>().Source; init => Init<TranscriptFields>().Source = value; }

    /// <summary>The document the file encodes, relative to the <c>.stmt</c> file, as written; its quotes are checked against it (STMT1017).</summary>
    public string? SourceDocument { get => Fields<TranscriptFields>().SourceDocument; init => Init<TranscriptFields>().SourceDocument = value; }

    public PartialDate? Published { get => Fields<TranscriptFields>().Published; init => Init<TranscriptFields>().Published = value; }

    public string? TranslatedFrom { get => Fields<TranscriptFields>().TranslatedFrom; init => Init<TranscriptFields>().TranslatedFrom = value; }

    public TranscriptStatus? Status { get => Fields<TranscriptFields>().Status; init => Init<TranscriptFields>().Status = value; }

    public string? Note { get => Fields<TranscriptFields>().Note; init => Init<TranscriptFields>().Note = value; }

    private protected override RecordFields CreateFields() => new TranscriptFields();
}
