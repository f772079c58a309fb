using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace StatementDsl.Records;

/// <summary>
/// What the record store reads of an assembly's metadata, through System.Reflection.Metadata over the
/// metadata the loader mapped (<see cref="AssemblyExtensions.TryGetRawMetadata"/>): the registry
/// attribute, the two generated classes it names, and their string constants, located in place so
/// that a constant's text is read where the image holds it. <see cref="Open"/> returns null where
/// there is no raw metadata (Native AOT) or it cannot be read, and the store then uses reflection.
/// </summary>
internal sealed unsafe class ImageMetadata
{
    private readonly MetadataReader reader;

    private ImageMetadata(MetadataReader reader) => this.reader = reader;

    /// <summary>The metadata of <paramref name="assembly"/>, which stays mapped as long as the assembly is loaded; null where it cannot be read in place.</summary>
    public static ImageMetadata? Open(Assembly assembly)
    {
        if (!BitConverter.IsLittleEndian || !assembly.TryGetRawMetadata(out var metadata, out var length))
        {
            return null;
        }

        try
        {
            return new ImageMetadata(new MetadataReader(metadata, length));
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The serialized names of the two classes the assembly's <see cref="RecordRegistryAttribute"/> names; null when it has none.</summary>
    public (string? Headers, string? Bodies)? FindRegistry()
    {
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference
                || reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent is not { Kind: HandleKind.TypeReference } type
                || !reader.StringComparer.Equals(reader.GetTypeReference((TypeReferenceHandle)type).Name, nameof(RecordRegistryAttribute)))
            {
                continue;
            }

            // The value: the prolog 0x0001, then the constructor's two typeof arguments as serialized names (ECMA-335 §23.3).
            var value = reader.GetBlobReader(attribute.Value);
            try
            {
                return value.Length >= 2 && value.ReadUInt16() == 1 ? (value.ReadSerializedString(), value.ReadSerializedString()) : null;
            }
            catch (BadImageFormatException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The type definition a serialized name such as <c>Ns.StatementDslRecords+__RecordHeaders</c> names; nil when there is none.</summary>
    public TypeDefinitionHandle FindNestedType(string? serializedName)
    {
        var names = serializedName?.Split('+');
        if (names is not { Length: 2 })
        {
            return default;
        }

        var dot = names[0].LastIndexOf('.');
        var outerNamespace = dot < 0 ? string.Empty : names[0][..dot];
        var outerName = names[0][(dot + 1)..];
        foreach (var handle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(handle);
            if (type.GetDeclaringType() is { IsNil: false } outerHandle && reader.StringComparer.Equals(type.Name, names[1])
                && reader.GetTypeDefinition(outerHandle) is var outer
                && reader.StringComparer.Equals(outer.Name, outerName) && reader.StringComparer.Equals(outer.Namespace, outerNamespace))
            {
                return handle;
            }
        }

        return default;
    }

    /// <summary>The type definition of <paramref name="type"/>, a type of this assembly.</summary>
    public static TypeDefinitionHandle Definition(Type type) => MetadataTokens.TypeDefinitionHandle(type.MetadataToken & 0xFFFFFF);

    /// <summary>Each string constant of <paramref name="type"/>, in field order, located but not read.</summary>
    public List<RecordConstant> ReadConstants(TypeDefinitionHandle type)
    {
        var constants = new List<RecordConstant>();
        if (type.IsNil)
        {
            return constants;
        }

        foreach (var handle in reader.GetTypeDefinition(type).GetFields())
        {
            var field = reader.GetFieldDefinition(handle);
            if ((field.Attributes & FieldAttributes.Literal) != 0 && field.GetDefaultValue() is { IsNil: false } constantHandle
                && reader.GetConstant(constantHandle) is { TypeCode: ConstantTypeCode.String } constant)
            {
                constants.Add(new RecordConstant(reader.GetString(field.Name), new ConstantText(this, constant.Value)));
            }
        }

        return constants;
    }

    /// <summary>The UTF-16 text of a string constant's blob, where the image holds it.</summary>
    public (IntPtr Start, int Length) ConstantChars(BlobHandle blob)
    {
        var text = reader.GetBlobReader(blob);
        return ((IntPtr)text.StartPointer, text.Length / sizeof(char));
    }
}
