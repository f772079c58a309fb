using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace StatementDsl.Records;

/// <summary>
/// Names the generated class whose string constants hold the assembly's records, one per
/// <c>.stmt</c> file, so that <see cref="StatementCatalog.Of"/> finds them from the assembly alone.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RecordRegistryAttribute(
    [DynamicallyAccessedMembers(RecordStore.ReadMembers)] Type records) : Attribute
{
    [DynamicallyAccessedMembers(RecordStore.ReadMembers)]
    public Type Records { get; } = records;
}
