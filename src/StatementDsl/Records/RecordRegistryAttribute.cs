using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace StatementDsl.Records;

/// <summary>
/// Names the generated classes whose string constants hold the assembly's records, one constant of
/// each per <c>.stmt</c> file, so that <see cref="StatementCatalog.Of"/> finds them from the assembly alone.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RecordRegistryAttribute(
    [DynamicallyAccessedMembers(RecordStore.ReadMembers)] Type headers,
    [DynamicallyAccessedMembers(RecordStore.ReadMembers)] Type bodies) : Attribute
{
    [DynamicallyAccessedMembers(RecordStore.ReadMembers)]
    public Type Headers { get; } = headers;

    [DynamicallyAccessedMembers(RecordStore.ReadMembers)]
    public Type Bodies { get; } = bodies;
}
