using System.ComponentModel;

namespace StatementDsl.Records;

/// <summary>
/// The records of one <c>.stmt</c> file. The first access scans the bytes once for where each record
/// starts, its kind and its meeting (no text is decoded); each record is decoded and built on its own
/// first access, and ids are decoded only when another record refers into this file.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordFile
{
    private readonly RecordStore store;
    private readonly ReadOnlyMemory<byte> data;
    private Layout? layout;
    private Declaration?[]? cache;
    private Lists? lists;
    private Dictionary<string, int>? idIndex;

    internal RecordFile(RecordStore store, string path, ReadOnlyMemory<byte> data)
    {
        this.store = store;
        this.data = data;
        Path = path;
    }

    public Transcript? Transcript => GetLists().Transcript;

    public IReadOnlyList<Person> People => GetLists().People;

    public IReadOnlyList<Organization> Organizations => GetLists().Organizations;

    public IReadOnlyList<Meeting> Meetings => GetLists().Meetings;

    public IReadOnlyList<Statement> Statements => GetLists().Statements;

    internal string Path { get; }

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

    /// <summary>The index of the record with this id; the file's ids are decoded on the first call.</summary>
    internal int? IndexOf(string id) => (idIndex ?? BuildIdIndex()).TryGetValue(id, out var index) ? index : null;

    /// <summary>Every id of the file with its record's index, in file order.</summary>
    internal IEnumerable<(string Id, int Index)> Ids() => (idIndex ?? BuildIdIndex()).Select(pair => (pair.Key, pair.Value)).OrderBy(pair => pair.Value);

    private Dictionary<string, int> BuildIdIndex()
    {
        var map = GetLayout();
        var index = new Dictionary<string, int>(map.Kinds.Length, StringComparer.Ordinal);
        for (var i = 0; i < map.Kinds.Length; i++)
        {
            var reader = new RecordReader(data.Span, map.Offsets[i] + 1);
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
            Interlocked.CompareExchange(ref layout, Layout.Scan(data.Span), null);
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

    private Declaration Materialize(int index)
    {
        var map = GetLayout();
        var reader = new RecordReader(data.Span, map.Offsets[index]);
        var kind = reader.ReadByte();
        var id = reader.ReadString();
        var line = reader.ReadInt();
        var column = reader.ReadInt();
        var meeting = reader.ReadInt();
        var fields = FieldValues.Read(ref reader, store);
        var origin = new SourceLocation(Path, line, column);
        return kind switch
        {
            RecordFormat.TranscriptKind => RecordBuilder.Transcript(id, origin, fields),
            RecordFormat.PersonKind => RecordBuilder.Person(id, origin, fields),
            RecordFormat.OrganizationKind => RecordBuilder.Organization(id, origin, fields),
            RecordFormat.MeetingKind => RecordBuilder.Meeting(id, origin, fields, new DeferredList(this, map.ChildrenOf(index, speeches: true)), new DeferredList(this, map.ChildrenOf(index, speeches: false))),
            RecordFormat.SpeechKind => RecordBuilder.Speech(id, origin, fields, new Deferred(this, meeting)),
            RecordFormat.StatementKind => RecordBuilder.Statement(id, origin, fields),
            _ => RecordBuilder.Event(kind, id, origin, fields, new Deferred(this, meeting)),
        };
    }

    /// <summary>Where each record starts, its kind and its meeting: all that a scan reads.</summary>
    private sealed class Layout
    {
        private Layout(int count)
        {
            Offsets = new int[count];
            Kinds = new byte[count];
            MeetingOf = new int[count];
        }

        public int[] Offsets { get; }

        public byte[] Kinds { get; }

        public int[] MeetingOf { get; }

        public static Layout Scan(ReadOnlySpan<byte> data)
        {
            var entries = new List<(int Offset, byte Kind, int Meeting)>();
            var position = 0;
            while (position < data.Length)
            {
                var reader = new RecordReader(data, position);
                var length = reader.ReadInt();
                var start = reader.Position;
                var kind = reader.ReadByte();
                reader.SkipString();
                reader.ReadInt();
                reader.ReadInt();
                entries.Add((start, kind, reader.ReadInt()));
                position = start + length;
            }

            var layout = new Layout(entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                (layout.Offsets[i], layout.Kinds[i], layout.MeetingOf[i]) = entries[i];
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
        public Lists(RecordFile file, byte[] kinds)
        {
            var people = new List<Person>();
            var organizations = new List<Organization>();
            var meetings = new List<Meeting>();
            var statements = new List<Statement>();
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
                }
            }

            People = people;
            Organizations = organizations;
            Meetings = meetings;
            Statements = statements;
        }

        public Transcript? Transcript { get; }

        public IReadOnlyList<Person> People { get; }

        public IReadOnlyList<Organization> Organizations { get; }

        public IReadOnlyList<Meeting> Meetings { get; }

        public IReadOnlyList<Statement> Statements { get; }
    }
}
