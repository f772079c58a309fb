using System.Buffers;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Runtime.CompilerServices;

namespace StatementDsl.Records;

/// <summary>
/// The record files of one assembly: the string constants of its generated <c>__RecordData</c> class,
/// one per <c>.stmt</c> file. Records are not code: the runtime reads each constant in place from the
/// metadata (no JIT, no copy), decodes nothing until a record is touched, and resolves a reference,
/// on first access, by id within the one file the generator found it in.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RecordStore
{
    /// <summary>What trimming must keep of the class that holds the records.</summary>
    internal const DynamicallyAccessedMemberTypes ReadMembers = DynamicallyAccessedMemberTypes.NonPublicFields;

    private static readonly ConditionalWeakTable<Assembly, RecordStore> Stores = new();

    private readonly Dictionary<string, RecordFile> byClass = new(StringComparer.Ordinal);
    private StatementCatalog? catalog;

    private RecordStore(List<RecordConstant> constants)
    {
        var ordered = new List<RecordFile>(constants.Count);
        foreach (var constant in constants)
        {
            var reader = new RecordReader(constant.Records.Span, 0);
            var path = reader.ReadString()!;
            var file = new RecordFile(this, path, constant.Records[reader.Position..]);
            byClass.Add(constant.ClassName, file);
            ordered.Add(file);
        }

        ordered.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        Files = ordered;
    }

    /// <summary>Every file, by ordinal path.</summary>
    internal IReadOnlyList<RecordFile> Files { get; }

    internal RecurringStrings RecurringStrings { get; } = new();

    internal StatementCatalog Catalog => catalog ?? Interlocked.CompareExchange(ref catalog, new StatementCatalog(this), null) ?? catalog;

    /// <summary>The one store of the records held by <paramref name="records"/>, shared by the generated classes and <see cref="StatementCatalog"/>.</summary>
    public static RecordStore For([DynamicallyAccessedMembers(ReadMembers)] Type records) =>
        Stores.GetValue(records.Assembly, _ => new RecordStore(ReadConstants(records)));

    /// <summary>The store of an assembly's records, found through its <see cref="RecordRegistryAttribute"/>; empty when it has none.</summary>
    internal static RecordStore For(Assembly assembly) => Stores.GetValue(assembly, static a => new RecordStore(ReadRegistry(a)));

    public RecordFile File(string className) => byClass[className];

    internal Declaration? Resolve(string? className, string id) =>
        className is not null && byClass.TryGetValue(className, out var file) && file.IndexOf(id) is { } index ? file.Entity(index) : null;

    /// <summary>
    /// The string constants of the class that an assembly's <see cref="RecordRegistryAttribute"/> names,
    /// found in the metadata by name rather than through reflection, which would parse the type name
    /// and instantiate the attribute (about 15 ms of a cold start, docs/benchmarks.md).
    /// </summary>
    private static List<RecordConstant> ReadRegistry(Assembly assembly)
    {
        if (OpenMetadata(assembly) is not { } reader)
        {
            return assembly.GetCustomAttribute<RecordRegistryAttribute>() is { } registry ? ReadConstantsByReflection(registry.Records) : [];
        }

        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind == HandleKind.MemberReference
                && reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is { Kind: HandleKind.TypeReference } parent
                && reader.StringComparer.Equals(reader.GetTypeReference((TypeReferenceHandle)parent).Name, nameof(RecordRegistryAttribute)))
            {
                var value = reader.GetBlobReader(attribute.Value);
                value.ReadUInt16();
                return FindType(reader, value.ReadSerializedString()) is { } type ? ReadConstants(reader, type) : [];
            }
        }

        return [];
    }

    /// <summary>A type of this assembly by its serialized name (<c>Namespace.Outer+Nested</c>).</summary>
    private static TypeDefinition? FindType(MetadataReader reader, string? serializedName)
    {
        var names = serializedName?.Split('+');
        if (names is not { Length: 2 })
        {
            return null;
        }

        var dot = names[0].LastIndexOf('.');
        var (outerNamespace, outerName) = dot < 0 ? (string.Empty, names[0]) : (names[0][..dot], names[0][(dot + 1)..]);
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (reader.StringComparer.Equals(type.Name, names[1]) && !type.GetDeclaringType().IsNil)
            {
                var outer = reader.GetTypeDefinition(type.GetDeclaringType());
                if (reader.StringComparer.Equals(outer.Name, outerName) && reader.StringComparer.Equals(outer.Namespace, outerNamespace))
                {
                    return type;
                }
            }
        }

        return null;
    }

    /// <summary>Each string constant of <paramref name="type"/>, in place where the metadata can be read, else through reflection.</summary>
    internal static List<RecordConstant> ReadConstants([DynamicallyAccessedMembers(ReadMembers)] Type type) =>
        OpenMetadata(type.Assembly) is { } reader
            ? ReadConstants(reader, reader.GetTypeDefinition(MetadataTokens.TypeDefinitionHandle(type.MetadataToken)))
            : ReadConstantsByReflection(type);

    /// <summary>
    /// The assembly's metadata where the loader mapped it; null where an assembly exposes none (Native
    /// AOT) or the machine is big-endian, since the constants are read as little-endian UTF-16.
    /// </summary>
    private static unsafe MetadataReader? OpenMetadata(Assembly assembly) =>
        BitConverter.IsLittleEndian && assembly.TryGetRawMetadata(out var metadata, out var length) ? new MetadataReader(metadata, length) : null;

    internal static List<RecordConstant> ReadConstantsByReflection([DynamicallyAccessedMembers(ReadMembers)] Type type)
    {
        var constants = new List<RecordConstant>();
        foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.NonPublic))
        {
            if (field.IsLiteral && field.GetRawConstantValue() is string value)
            {
                constants.Add(new RecordConstant(field.Name, value.AsMemory()));
            }
        }

        return constants;
    }

    /// <summary>The string constants of <paramref name="type"/>, in place: ECMA-335 stores them as UTF-16, as a .NET string is.</summary>
    private static unsafe List<RecordConstant> ReadConstants(MetadataReader reader, TypeDefinition type)
    {
        var constants = new List<RecordConstant>();
        foreach (var handle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(handle);
            if ((field.Attributes & FieldAttributes.Literal) == 0 || field.GetDefaultValue().IsNil)
            {
                continue;
            }

            var constant = reader.GetConstant(field.GetDefaultValue());
            if (constant.TypeCode == ConstantTypeCode.String)
            {
                var value = reader.GetBlobReader(constant.Value);
                constants.Add(new RecordConstant(reader.GetString(field.Name), new MetadataMemory((char*)value.CurrentPointer, value.Length / sizeof(char)).Memory));
            }
        }

        return constants;
    }

    /// <summary>Characters in the assembly's mapped image, which lives as long as the assembly and so as this store.</summary>
    private sealed unsafe class MetadataMemory(char* pointer, int length) : MemoryManager<char>
    {
        public override Span<char> GetSpan() => new(pointer, length);

        public override MemoryHandle Pin(int elementIndex = 0) => new(pointer + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}

/// <summary>A value of a generated record not decoded or followed yet; the record's property resolves it on first access.</summary>
internal abstract class Deferred
{
    public abstract object? Resolve();
}

/// <summary>The quotes, paraphrases and notes of an utterance: most of a file's text, so decoded only when asked for.</summary>
internal sealed class DeferredPassages(RecordFile file, int index) : Deferred
{
    public override object? Resolve() => file.Passages(index);
}

/// <summary>A reference not yet followed: an id in a named file, or the index of a record of the same file.</summary>
internal sealed class DeferredReference : Deferred
{
    private readonly RecordStore? store;
    private readonly ReferenceTarget target;
    private readonly RecordFile? file;
    private readonly int index;

    public DeferredReference(RecordStore store, ReferenceTarget target)
    {
        this.store = store;
        this.target = target;
    }

    public DeferredReference(RecordFile file, int index)
    {
        this.file = file;
        this.index = index;
    }

    public override object? Resolve() => file is not null ? file.Entity(index) : store!.Resolve(target.ClassName, target.Id);
}

/// <summary>A list of references not yet followed: ids in named files, or indices of records of one file.</summary>
internal sealed class DeferredList
{
    private readonly RecordStore? store;
    private readonly ReferenceTarget[]? targets;
    private readonly RecordFile? file;
    private readonly int[]? indices;

    public DeferredList(RecordStore store, ReferenceTarget[] targets)
    {
        this.store = store;
        this.targets = targets;
    }

    public DeferredList(RecordFile file, int[] indices)
    {
        this.file = file;
        this.indices = indices;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<T> Resolve<T>()
        where T : class
    {
        if (indices is not null)
        {
            var built = new T[indices.Length];
            for (var i = 0; i < indices.Length; i++)
            {
                built[i] = (T)(object)file!.Entity(indices[i]);
            }

            return built;
        }

        var items = new List<T>(targets!.Length);
        foreach (var target in targets)
        {
            if (store!.Resolve(target.ClassName, target.Id) is T item)
            {
                items.Add(item);
            }
        }

        return items;
    }
}

/// <summary>
/// One file's constant: the class it is named after and its records. A class, not a tuple: a list of
/// value tuples is a generic instantiation the JIT compiles at start-up, a list of references is not.
/// </summary>
internal sealed class RecordConstant(string className, ReadOnlyMemory<char> records)
{
    public string ClassName { get; } = className;

    public ReadOnlyMemory<char> Records { get; } = records;
}

/// <summary>Where a reference points: the target's id and the generated class of the file that declares it (null when that file has no class, STMT1012).</summary>
internal readonly record struct ReferenceTarget(string? ClassName, string Id);
