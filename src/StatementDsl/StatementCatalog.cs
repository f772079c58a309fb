using System.Reflection;
using StatementDsl.Records;

namespace StatementDsl;

/// <summary>
/// Every record that the <c>.stmt</c> files of one assembly compiled into it, across files: files in
/// ordinal order of their paths, records in file order. The objects are the same ones the generated
/// classes return. Use it to go over the whole archive without naming each file's class.
/// </summary>
public sealed class StatementCatalog
{
    private readonly RecordStore store;

    // Built on first use, as RecordFile builds its own: two threads may both build one, and the first
    // published wins. Not Lazy<T>: its instantiations and closures cost a cold start a few type loads
    // and JIT-compiled methods more (docs/benchmarks.md).
    private Lists? lists;
    private Dictionary<string, (RecordFile File, int Index)>? byId;

    internal StatementCatalog(RecordStore store) => this.store = store;

    /// <summary>Each file's <c>transcript</c> declaration, for the files that have one.</summary>
    public IReadOnlyList<Transcript> Transcripts => GetLists().Transcripts;

    public IReadOnlyList<Person> People => GetLists().People;

    public IReadOnlyList<Organization> Organizations => GetLists().Organizations;

    public IReadOnlyList<Meeting> Meetings => GetLists().Meetings;

    /// <summary>Top-level statements (speeches are in <see cref="Meeting.Speeches"/>).</summary>
    public IReadOnlyList<Statement> Statements => GetLists().Statements;

    /// <summary>Every membership, top-level or inside its person.</summary>
    public IReadOnlyList<Membership> Memberships => GetLists().Memberships;

    /// <summary>The catalog of the records compiled into <paramref name="assembly"/>; empty when it has none.</summary>
    public static StatementCatalog Of(Assembly assembly) => RecordStore.For(assembly).Catalog;

    /// <summary>The record with this id, of any kind, nested ones included; null when no file declares it.</summary>
    public Declaration? Find(string id) =>
        (byId ?? Interlocked.CompareExchange(ref byId, BuildIndex(), null) ?? byId).TryGetValue(id, out var found) ? found.File.Entity(found.Index) : null;

    private Lists GetLists() => lists ?? Interlocked.CompareExchange(ref lists, new Lists(store.Files), null) ?? lists;

    /// <summary>Where each id is declared, the first file by path winning; only the record found is built.</summary>
    private Dictionary<string, (RecordFile File, int Index)> BuildIndex()
    {
        var index = new Dictionary<string, (RecordFile File, int Index)>(StringComparer.Ordinal);
        foreach (var file in store.Files)
        {
            var ids = file.IdIndex;
            for (var entry = 0; entry < ids.Count; entry++)
            {
                index.TryAdd(ids.KeyAt(entry), (file, ids.ValueAt(entry)));
            }
        }

        return index;
    }

    private sealed class Lists
    {
        public Lists(IReadOnlyList<RecordFile> files)
        {
            foreach (var file in files)
            {
                if (file.Transcript is { } transcript)
                {
                    Transcripts.Add(transcript);
                }

                People.AddRange(file.People);
                Organizations.AddRange(file.Organizations);
                Meetings.AddRange(file.Meetings);
                Statements.AddRange(file.Statements);
                Memberships.AddRange(file.Memberships);
            }
        }

        public readonly List<Transcript> Transcripts = [];

        public readonly List<Person> People = [];

        public readonly List<Organization> Organizations = [];

        public readonly List<Meeting> Meetings = [];

        public readonly List<Statement> Statements = [];

        public readonly List<Membership> Memberships = [];
    }
}
