using System.ComponentModel;

namespace StatementDsl.Records;

/// <summary>
/// One <c>.stmt</c> file's records, compiled into the assembly by the generator. The records are an
/// attribute argument rather than a <c>"…"u8</c> literal or code: the compiler writes an attribute's
/// string as UTF-8 into the metadata in one step, where it expands a u8 literal into a node per byte
/// (16 MB took 6.5 s against 0.5 s, docs/benchmarks.md), and the runtime reads the bytes in place
/// without running or JIT-compiling anything per file.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class RecordDataAttribute(string className, string path, string records) : Attribute
{
    /// <summary>The generated class of the file (LANGUAGE.md §6).</summary>
    public string ClassName { get; } = className;

    /// <summary>The file's path as given to the compiler.</summary>
    public string Path { get; } = path;

    /// <summary>The file's records in <c>RecordFormat</c>.</summary>
    public string Records { get; } = records;
}
