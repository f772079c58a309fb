using System.ComponentModel;

namespace StatementDsl.Records;

/// <summary>
/// The records of one <c>.stmt</c> file. The first access scans the chunks once for kinds, ids and
/// meeting membership (no text is decoded); each record is decoded and built on its own first access.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordFile
{
    private readonly RecordStore store;
    private readonly RecordSource source;
    private Layout? layout;
    private Declaration?[]? cache;
    private Lists? lists;

    internal RecordFile(RecordStore store, RecordSource source)
    {
        this.store = store;
        this.source = source;
    }

    public Transcript? Transcript => GetLists().Transcript;

    public IReadOnlyList<Person> People => GetLists().People;

    public IReadOnlyList<Organization> Organizations => GetLists().Organizations;

    public IReadOnlyList<Meeting> Meetings => GetLists().Meetings;

    public IReadOnlyList<Statement> Statements => GetLists().Statements;

    internal string?[] Ids => GetLayout().Ids;

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

    private Declaration?[] InitializeCache()
    {
        Interlocked.CompareExchange(ref cache, new Declaration?[GetLayout().Kinds.Length], null);
        return cache;
    }

    private Layout GetLayout()
    {
        if (layout is null)
        {
            Interlocked.CompareExchange(ref layout, Layout.Scan(source), null);
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
        var reader = new RecordReader(source.Chunks(map.Chunks[index]), map.Offsets[index]);
        var kind = reader.ReadByte();
        var id = reader.ReadString();
        var line = reader.ReadInt();
        var column = reader.ReadInt();
        var meeting = reader.ReadInt();
        var fields = FieldValues.Read(ref reader, store);
        var origin = new SourceLocation(source.Path, line, column);
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

    /// <summary>Where each record starts, its kind, id and meeting: all that a scan reads.</summary>
    private sealed class Layout
    {
        private Layout(int count)
        {
            Chunks = new int[count];
            Offsets = new int[count];
            Kinds = new byte[count];
            Ids = new string?[count];
            MeetingOf = new int[count];
        }

        public int[] Chunks { get; }

        public int[] Offsets { get; }

        public byte[] Kinds { get; }

        public string?[] Ids { get; }

        public int[] MeetingOf { get; }

        public static Layout Scan(RecordSource source)
        {
            var entries = new List<(int Chunk, int Offset, byte Kind, string? Id, int Meeting)>();
            for (var chunk = 0; chunk < source.ChunkCount; chunk++)
            {
                var data = source.Chunks(chunk);
                var position = 0;
                while (position < data.Length)
                {
                    var reader = new RecordReader(data, position);
                    var length = reader.ReadInt();
                    var start = reader.Position;
                    var kind = reader.ReadByte();
                    var id = reader.ReadString();
                    reader.ReadInt();
                    reader.ReadInt();
                    entries.Add((chunk, start, kind, id, reader.ReadInt()));
                    position = start + length;
                }
            }

            var layout = new Layout(entries.Count);
            for (var i = 0; i < entries.Count; i++)
            {
                (layout.Chunks[i], layout.Offsets[i], layout.Kinds[i], layout.Ids[i], layout.MeetingOf[i]) = entries[i];
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
