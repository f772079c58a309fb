using System.ComponentModel;

namespace StatementDsl.Records;

/// <summary>
/// The records of one <c>.stmt</c> file. The first access reads the file's headers once (kinds,
/// positions, meetings, where each body starts); a record is built from its header on first access,
/// its body decoded on the first access to one of its other fields (the file's bodies are located only
/// then), and ids decoded only when another record refers into this file. No method here is marked
/// <c>AggressiveOptimization</c>: ReadyToRun skips such methods, so an app published ReadyToRun
/// JIT-compiled them all at start-up (a sixth of its time in Main), for 0–7 % in an app that is not
/// (docs/benchmarks.md).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordFile
{
    private readonly ConstantText headerConstant;
    private readonly int headersStart;
    private readonly ConstantText bodies;
    private Layout? layout;
    private Declaration?[]? cache;
    private Lists? lists;
    private SpanLookup? idIndex;

    /// <summary>A file whose headers start at <paramref name="headersStart"/> of <paramref name="headerConstant"/>, after its path.</summary>
    internal RecordFile(RecordStore store, string path, ConstantText headerConstant, int headersStart, ConstantText bodies)
    {
        Store = store;
        this.headerConstant = headerConstant;
        this.headersStart = headersStart;
        this.bodies = bodies;
        Path = path;
    }

    public Transcript? Transcript => GetLists().Transcript;

    public IReadOnlyList<Person> People => GetLists().People;

    public IReadOnlyList<Organization> Organizations => GetLists().Organizations;

    public IReadOnlyList<Meeting> Meetings => GetLists().Meetings;

    public IReadOnlyList<Statement> Statements => GetLists().Statements;

    public IReadOnlyList<Membership> Memberships => GetLists().Memberships;

    internal readonly string Path;

    internal readonly RecordStore Store;

    private ReadOnlySpan<char> Headers => headerConstant.Span[headersStart..];

    // One accessor per kind rather than a generic Get<T>: the compiler binds 20,000 generated
    // properties calling a non-generic method in half the time (docs/generator.md).
    public Person Person(int index) => (Person)Entity(index);

    public Organization Organization(int index) => (Organization)Entity(index);

    public Meeting Meeting(int index) => (Meeting)Entity(index);

    public Speech Speech(int index) => (Speech)Entity(index);

    public Statement Statement(int index) => (Statement)Entity(index);

    public Walkout Walkout(int index) => (Walkout)Entity(index);

    public Vote Vote(int index) => (Vote)Entity(index);

    public Incident Incident(int index) => (Incident)Entity(index);

    public Membership Membership(int index) => (Membership)Entity(index);

    internal Declaration Entity(int index)
    {
        var entities = cache ?? InitializeCache();
        var entity = Volatile.Read(ref entities[index]);
        if (entity is not null)
        {
            return entity;
        }

        var built = Materialize(index);
        return Interlocked.CompareExchange(ref entities[index], built, null) ?? built;
    }

    /// <summary>Every id of the file with its record's index; the ids are decoded on first use.</summary>
    internal SpanLookup IdIndex => idIndex ?? BuildIdIndex();

    /// <summary>The index of the record with this id.</summary>
    internal int? IndexOf(ReadOnlySpan<char> id) => IdIndex.TryGetValue(id, out var index) ? index : null;

    /// <summary>The body of record <paramref name="index"/>, decoded; an utterance's passages are left for <see cref="Passages"/>.</summary>
    internal FieldValues Fields(int index)
    {
        var reader = BodyReader(index);
        return FieldValues.Read(ref reader, this, index, deferPassages: GetLayout().Kinds[index] is RecordFormat.SpeechKind or RecordFormat.StatementKind);
    }

    /// <summary>The passages of record <paramref name="index"/>, decoded now (<see cref="Utterance.Passages"/>).</summary>
    internal IReadOnlyList<Passage> Passages(int index)
    {
        var reader = BodyReader(index);
        return FieldValues.ReadPassages(ref reader, Store);
    }

    /// <summary>The speeches, or the events, of meeting <paramref name="index"/>.</summary>
    internal DeferredList ChildrenOf(int index, bool speeches) => new(this, GetLayout().ChildrenOf(index, speeches));

    internal SourceLocation OriginOf(int index)
    {
        var map = GetLayout();
        return new SourceLocation(Path, map.Lines[index], map.Columns[index]);
    }

    /// <summary>The index of the meeting record <paramref name="index"/> belongs to; -1 for none.</summary>
    internal int MeetingOf(int index) => GetLayout().MeetingOf[index];

    private RecordReader BodyReader(int index) => new(bodies.Span, GetLayout().BodyOffsets[index]);

    private SpanLookup BuildIdIndex()
    {
        var map = GetLayout();
        var index = new SpanLookup(map.Kinds.Length);
        for (var i = 0; i < map.Kinds.Length; i++)
        {
            var reader = new RecordReader(Headers, map.IdOffsets[i]);
            if (reader.ReadString() is { } id)
            {
                index.TryAdd(id, i);
            }
        }

        return Interlocked.CompareExchange(ref idIndex, index, null) ?? index;
    }

    private Declaration?[] InitializeCache()
    {
        Interlocked.CompareExchange(ref cache, new Declaration?[GetLayout().Kinds.Length], null);
        return cache;
    }

    private Layout GetLayout()
    {
        if (layout is null)
        {
            Interlocked.CompareExchange(ref layout, Layout.Read(Headers), null);
        }

        return layout;
    }

    private Lists GetLists()
    {
        if (lists is null)
        {
            Interlocked.CompareExchange(ref lists, new Lists(this, GetLayout().Kinds), null);
        }

        return lists;
    }

    /// <summary>A record built from its header alone: its id and position, and the file to read the rest from.</summary>
    private Declaration Materialize(int index)
    {
        var map = GetLayout();
        var reader = new RecordReader(Headers, map.IdOffsets[index]);
        var id = reader.ReadString();
        Declaration record = map.Kinds[index] switch
        {
            RecordFormat.TranscriptKind => new Transcript(),
            RecordFormat.PersonKind => new Person(),
            RecordFormat.OrganizationKind => new Organization(),
            RecordFormat.MeetingKind => NewMeeting(index),
            RecordFormat.SpeechKind => new Speech(),
            RecordFormat.StatementKind => new Statement(),
            RecordFormat.WalkoutKind => new Walkout(),
            RecordFormat.VoteKind => new Vote(),
            RecordFormat.MembershipKind => new Membership(),
            _ => new Incident(),
        };
        record.Attach(id, this, index);
        return record;
    }

    private Meeting NewMeeting(int index)
    {
        var meeting = new Meeting();
        meeting.AttachChildren(ChildrenOf(index, speeches: true), ChildrenOf(index, speeches: false));
        return meeting;
    }

    /// <summary>The header section: each record's kind, where its id is, its position and meeting, and where its body starts.</summary>
    private sealed class Layout
    {
        private Layout(int count)
        {
            Kinds = new char[count];
            IdOffsets = new int[count];
            Lines = new int[count];
            Columns = new int[count];
            MeetingOf = new int[count];
            BodyOffsets = new int[count];
        }

        public readonly char[] Kinds;

        public readonly int[] IdOffsets;

        public readonly int[] Lines;

        public readonly int[] Columns;

        public readonly int[] MeetingOf;

        public readonly int[] BodyOffsets;

        public static Layout Read(ReadOnlySpan<char> headers)
        {
            var reader = new RecordReader(headers, 0);
            var layout = new Layout(reader.ReadInt());
            for (var i = 0; i < layout.Kinds.Length; i++)
            {
                layout.Kinds[i] = reader.ReadChar();
                layout.IdOffsets[i] = reader.Position;
                reader.SkipString();
                layout.Lines[i] = reader.ReadInt();
                layout.Columns[i] = reader.ReadInt();
                layout.MeetingOf[i] = reader.ReadInt();
                layout.BodyOffsets[i] = reader.ReadInt();
            }

            var body = 0;
            for (var i = 0; i < layout.BodyOffsets.Length; i++)
            {
                var length = layout.BodyOffsets[i];
                layout.BodyOffsets[i] = body;
                body += length;
            }

            return layout;
        }

        public int[] ChildrenOf(int meeting, bool speeches)
        {
            var children = new List<int>();
            for (var i = meeting + 1; i < MeetingOf.Length && MeetingOf[i] == meeting; i++)
            {
                if ((Kinds[i] == RecordFormat.SpeechKind) == speeches)
                {
                    children.Add(i);
                }
            }

            return children.ToArray();
        }
    }

    /// <summary>The file-level lists of LANGUAGE.md §6, in file order.</summary>
    private sealed class Lists
    {
        public Lists(RecordFile file, char[] kinds)
        {
            var people = new List<Person>();
            var organizations = new List<Organization>();
            var meetings = new List<Meeting>();
            var statements = new List<Statement>();
            var memberships = new List<Membership>();
            for (var i = 0; i < kinds.Length; i++)
            {
                switch (kinds[i])
                {
                    case RecordFormat.TranscriptKind:
                        Transcript ??= (Transcript)file.Entity(i);
                        break;
                    case RecordFormat.PersonKind:
                        people.Add((Person)file.Entity(i));
                        break;
                    case RecordFormat.OrganizationKind:
                        organizations.Add((Organization)file.Entity(i));
                        break;
                    case RecordFormat.MeetingKind:
                        meetings.Add((Meeting)file.Entity(i));
                        break;
                    case RecordFormat.StatementKind:
                        statements.Add((Statement)file.Entity(i));
                        break;
                    case RecordFormat.MembershipKind:
                        memberships.Add((Membership)file.Entity(i));
                        break;
                }
            }

            People = people;
            Organizations = organizations;
            Meetings = meetings;
            Statements = statements;
            Memberships = memberships;
        }

        public readonly Transcript? Transcript;

        public readonly IReadOnlyList<Person> People;

        public readonly IReadOnlyList<Organization> Organizations;

        public readonly IReadOnlyList<Meeting> Meetings;

        public readonly IReadOnlyList<Statement> Statements;

        public readonly IReadOnlyList<Membership> Memberships;
    }
}
