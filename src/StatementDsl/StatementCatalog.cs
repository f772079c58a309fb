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
    private readonly Lazy<Lists> lists;
    private readonly Lazy<Dictionary<string, (RecordFile File, int Index)>> byId;

    internal StatementCatalog(RecordStore store)
    {
        this.store = store;
        lists = new Lazy<Lists>(() => new Lists(store.Files));
        byId = new Lazy<Dictionary<string, (RecordFile File, int Index)>>(BuildIndex);
    }

    /// <summary>Each file's <c>transcript</c> declaration, for the files that have one.</summary>
    public IReadOnlyList<Transcript> Transcripts => lists.Value.Transcripts;

    public IReadOnlyList<Person> People => lists.Value.People;

    public IReadOnlyList<Organization> Organizations => lists.Value.Organizations;

    public IReadOnlyList<Meeting> Meetings => lists.Value.Meetings;

    /// <summary>Top-level statements (speeches are in <see cref="Meeting.Speeches"/>).</summary>
    public IReadOnlyList<Statement> Statements => lists.Value.Statements;

    /// <summary>The catalog of the records compiled into <paramref name="assembly"/>; empty when it has none.</summary>
    public static StatementCatalog Of(Assembly assembly) => RecordStore.For(assembly).Catalog;

    /// <summary>The record with this id, of any kind, nested ones included; null when no file declares it.</summary>
    public Declaration? Find(string id) => byId.Value.TryGetValue(id, out var found) ? found.File.Entity(found.Index) : null;

    /// <summary>Where each id is declared, the first file by path winning; only the record found is built.</summary>
    private Dictionary<string, (RecordFile File, int Index)> BuildIndex()
    {
        var index = new Dictionary<string, (RecordFile File, int Index)>(StringComparer.Ordinal);
        foreach (var file in store.Files)
        {
            foreach (var pair in file.IdIndex)
            {
                index.TryAdd(pair.Key, (file, pair.Value));
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
            }
        }

        public List<Transcript> Transcripts { get; } = [];

        public List<Person> People { get; } = [];

        public List<Organization> Organizations { get; } = [];

        public List<Meeting> Meetings { get; } = [];

        public List<Statement> Statements { get; } = [];
    }
}
