using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Reflection.Metadata;
using System.Runtime.CompilerServices;

namespace StatementDsl.Records;

/// <summary>
/// The record files of one assembly, held as string constants of two generated classes, one constant
/// of each per <c>.stmt</c> file: <c>__RecordHeaders</c> (path, count and every record's header, all
/// files' headers side by side in the image) and <c>__RecordData</c> (the records' bodies). Records are
/// not code: the runtime reads the constants in place from the metadata (no JIT, no copy), locates a
/// file's bodies only when one is decoded, and resolves a reference when its record's body is decoded,
/// by id within the one file the generator found it in, building only the target's small object.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordStore
{
    /// <summary>What trimming must keep of the classes that hold the records.</summary>
    internal const DynamicallyAccessedMemberTypes ReadMembers = DynamicallyAccessedMemberTypes.NonPublicFields;

    private static readonly ConditionalWeakTable<Assembly, RecordStore> Stores = new();

    private readonly SpanLookup classes;
    private readonly RecordFile[] byClass;
    private StatementCatalog? catalog;
    private Dictionary<Person, Membership[]>? membershipsByPerson;

    private RecordStore(List<RecordConstant> headers, List<RecordConstant> bodies)
    {
        var bodiesByClass = new Dictionary<string, ConstantText>(bodies.Count, StringComparer.Ordinal);
        foreach (var body in bodies)
        {
            bodiesByClass[body.ClassName] = body.Text;
        }

        classes = new SpanLookup(headers.Count);
        byClass = new RecordFile[headers.Count];
        var ordered = new List<RecordFile>(headers.Count);
        foreach (var header in headers)
        {
            var reader = new RecordReader(header.Text.Span, 0);
            var path = reader.ReadString()!;
            var file = new RecordFile(this, path, header.Text, reader.Position, bodiesByClass.TryGetValue(header.ClassName, out var body) ? body : ConstantText.Empty);
            byClass[ordered.Count] = file;
            classes.TryAdd(header.ClassName, ordered.Count);
            ordered.Add(file);
        }

        ordered.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        Files = ordered;
    }

    /// <summary>Every file, by ordinal path.</summary>
    internal readonly IReadOnlyList<RecordFile> Files;

    internal readonly RecurringStrings RecurringStrings = new();

    internal StatementCatalog Catalog => catalog ?? Interlocked.CompareExchange(ref catalog, new StatementCatalog(this), null) ?? catalog;

    /// <summary>The one store of the records held by these generated classes, shared by the generated code and <see cref="StatementCatalog"/>.</summary>
    public static RecordStore For([DynamicallyAccessedMembers(ReadMembers)] Type headers, [DynamicallyAccessedMembers(ReadMembers)] Type bodies) =>
        Stores.GetValue(headers.Assembly, _ =>
        {
            var image = ImageMetadata.Open(headers.Assembly);
            return new RecordStore(ReadConstants(image, headers), ReadConstants(image, bodies));
        });

    /// <summary>The store of an assembly's records, found through its <see cref="RecordRegistryAttribute"/>; empty when it has none.</summary>
    internal static RecordStore For(Assembly assembly) => Stores.GetValue(assembly, static a => ReadRegistry(a));

    public RecordFile File(string className) =>
        classes.TryGetValue(className.AsSpan(), out var number) ? byClass[number] : throw new KeyNotFoundException($"No records for class '{className}'.");

    /// <summary>The memberships of a person from every file, ordered by <see cref="Membership.From"/> (none first), file order on ties.</summary>
    internal IReadOnlyList<Membership> MembershipsOf(Person person) =>
        (membershipsByPerson ?? Interlocked.CompareExchange(ref membershipsByPerson, IndexMemberships(), null) ?? membershipsByPerson)
            .TryGetValue(person, out var memberships) ? memberships : [];

    /// <summary>Built on the first question about any person: a membership's person is in its body, so every membership is decoded once.</summary>
    private Dictionary<Person, Membership[]> IndexMemberships()
    {
        var byPerson = new Dictionary<Person, List<Membership>>(ReferenceEqualityComparer.Instance);
        foreach (var file in Files)
        {
            foreach (var membership in file.Memberships)
            {
                if (membership.Person is { } person)
                {
                    if (!byPerson.TryGetValue(person, out var list))
                    {
                        byPerson.Add(person, list = []);
                    }

                    list.Add(membership);
                }
            }
        }

        var index = new Dictionary<Person, Membership[]>(byPerson.Count, ReferenceEqualityComparer.Instance);
        foreach (var (person, list) in byPerson)
        {
            index.Add(person, Membership.OrderedByFrom(list));
        }

        return index;
    }

    /// <summary>The record with id <paramref name="id"/> in the file of class <paramref name="className"/>, built from its header if it was not yet; null when there is none.</summary>
    internal Declaration? Resolve(ReadOnlySpan<char> className, ReadOnlySpan<char> id) =>
        classes.TryGetValue(className, out var number) && byClass[number] is var file && file.IndexOf(id) is { } index ? file.Entity(index) : null;

    /// <summary>
    /// The store from the classes that an assembly's <see cref="RecordRegistryAttribute"/> names, found in
    /// the metadata by name rather than through reflection, which would parse the type names and
    /// instantiate the attribute (about 15 ms of a cold start, docs/benchmarks.md).
    /// </summary>
    private static RecordStore ReadRegistry(Assembly assembly)
    {
        if (ImageMetadata.Open(assembly) is not { } image)
        {
            return assembly.GetCustomAttribute<RecordRegistryAttribute>() is { } registry
                ? new RecordStore(ReadConstantsByReflection(registry.Headers), ReadConstantsByReflection(registry.Bodies))
                : new RecordStore([], []);
        }

        return image.FindRegistry() is var (headers, bodies)
            ? new RecordStore(image.ReadConstants(image.FindNestedType(headers)), image.ReadConstants(image.FindNestedType(bodies)))
            : new RecordStore([], []);
    }

    /// <summary>Each string constant of <paramref name="type"/>, in place where the metadata can be read, else through reflection.</summary>
    internal static List<RecordConstant> ReadConstants([DynamicallyAccessedMembers(ReadMembers)] Type type) =>
        ReadConstants(ImageMetadata.Open(type.Assembly), type);

    /// <summary>Each string constant of <paramref name="type"/>, from <paramref name="image"/>, its assembly's metadata, where it could be opened.</summary>
    private static List<RecordConstant> ReadConstants(ImageMetadata? image, [DynamicallyAccessedMembers(ReadMembers)] Type type) =>
        image is not null ? image.ReadConstants(ImageMetadata.Definition(type)) : ReadConstantsByReflection(type);

    internal static List<RecordConstant> ReadConstantsByReflection([DynamicallyAccessedMembers(ReadMembers)] Type type)
    {
        var constants = new List<RecordConstant>();
        foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.NonPublic))
        {
            if (field.IsLiteral && field.GetRawConstantValue() is string value)
            {
                constants.Add(new RecordConstant(field.Name, new ConstantText(value)));
            }
        }

        return constants;
    }
}

/// <summary>
/// A string constant of the assembly, read in place on first use: ECMA-335 stores it as UTF-16, as a
/// .NET string is. Locating its text reads its length, which touches its page of the image, so a
/// start-up that reads only headers never touches the bodies. A span over the image rather than a
/// <see cref="ReadOnlyMemory{T}"/>: memory over native characters needs a <c>MemoryManager&lt;char&gt;</c>,
/// an instantiation that even a ReadyToRun app JIT-compiled at start-up, and a virtual call per span.
/// </summary>
internal sealed unsafe class ConstantText
{
    public static readonly ConstantText Empty = new(string.Empty);

    private readonly string? value;
    private readonly ImageMetadata? image;
    private readonly BlobHandle blob;
    private char* start;

    /// <summary>-1 until located; written after <see cref="start"/>, so a thread that reads it located reads the pointer too.</summary>
    private volatile int length = -1;

    public ConstantText(string text) => value = text;

    public ConstantText(ImageMetadata image, BlobHandle blob)
    {
        this.image = image;
        this.blob = blob;
    }

    /// <summary>The characters, in the assembly's mapped image (which lives as long as the assembly, and so as the store) or in the string read by reflection.</summary>
    public ReadOnlySpan<char> Span => value is not null ? value.AsSpan() : length >= 0 ? new(start, length) : Locate();

    private ReadOnlySpan<char> Locate()
    {
        var (located, count) = image!.ConstantChars(blob);
        start = (char*)located;
        length = count;
        return new(start, length);
    }
}

/// <summary>A meeting's speeches or events, indices of records of its file, built on first access.</summary>
internal sealed class DeferredList(RecordFile file, int[] indices)
{
    public IReadOnlyList<T> Resolve<T>()
        where T : class
    {
        var built = new T[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            built[i] = (T)(object)file.Entity(indices[i]);
        }

        return built;
    }
}

/// <summary>
/// One file's constant: the class it is named after and its records. A class, not a tuple: a list of
/// value tuples is a generic instantiation the JIT compiles at start-up, a list of references is not.
/// </summary>
internal sealed class RecordConstant(string className, ConstantText text)
{
    public readonly string ClassName = className;

    public readonly ConstantText Text = text;
}
