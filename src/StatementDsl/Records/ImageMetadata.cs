using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Metadata;
using System.Text;

namespace StatementDsl.Records;

/// <summary>
/// The few ECMA-335 tables (Partition II, §22–24) the record store reads, straight from the metadata
/// the loader mapped: type definitions, their fields and constants, the assembly's custom attributes
/// with the member and type references they name, and nesting. System.Reflection.Metadata would do
/// it too, but loading it and its types for a first <c>MetadataReader</c> took 3.5 ms of the 18 ms a
/// ReadyToRun app spent reaching every record (docs/benchmarks.md); this reads the table header once
/// and then only the rows it is asked for. <see cref="Open(Assembly)"/> returns null for a layout it does not handle (an
/// uncompressed <c>#-</c> table stream, a table it has no schema for, anything out of bounds), and the
/// store then falls back to reflection.
/// </summary>
internal sealed unsafe class ImageMetadata
{
    private const int ModuleTable = 0x00, TypeRefTable = 0x01, TypeDefTable = 0x02, FieldTable = 0x04, MethodDefTable = 0x06,
        ParamTable = 0x08, InterfaceImplTable = 0x09, MemberRefTable = 0x0A, ConstantTable = 0x0B, CustomAttributeTable = 0x0C,
        DeclSecurityTable = 0x0E, StandAloneSigTable = 0x11, EventTable = 0x14, PropertyTable = 0x17, ModuleRefTable = 0x1A,
        TypeSpecTable = 0x1B, AssemblyTable = 0x20, AssemblyRefTable = 0x23, FileTable = 0x26, ExportedTypeTable = 0x27,
        ManifestResourceTable = 0x28, NestedClassTable = 0x29, GenericParamTable = 0x2A, MethodSpecTable = 0x2B,
        GenericParamConstraintTable = 0x2C, TableCount = 0x2D;

    // A column is a fixed-size number (U2, U4), an index into a heap, an index into a table (the
    // table's number) or a coded index (CodedIndex plus its kind, the row of CodedTables).
    private const int U2 = -2, U4 = -4, StringIndex = -10, GuidIndex = -11, BlobIndex = -12, CodedIndex = 100;

    private const int TypeDefOrRef = CodedIndex, HasConstant = CodedIndex + 1, HasCustomAttribute = CodedIndex + 2,
        HasFieldMarshal = CodedIndex + 3, HasDeclSecurity = CodedIndex + 4, MemberRefParent = CodedIndex + 5, HasSemantics = CodedIndex + 6,
        MethodDefOrRef = CodedIndex + 7, MemberForwarded = CodedIndex + 8, Implementation = CodedIndex + 9,
        CustomAttributeType = CodedIndex + 10, ResolutionScope = CodedIndex + 11, TypeOrMethodDef = CodedIndex + 12;

    /// <summary>The tables each coded index can point into, in tag order (§24.2.6); -1 for an unused tag.</summary>
    private static readonly int[][] CodedTables =
    [
        [TypeDefTable, TypeRefTable, TypeSpecTable],
        [FieldTable, ParamTable, PropertyTable],
        [MethodDefTable, FieldTable, TypeRefTable, TypeDefTable, ParamTable, InterfaceImplTable, MemberRefTable, ModuleTable,
            DeclSecurityTable, PropertyTable, EventTable, StandAloneSigTable, ModuleRefTable, TypeSpecTable, AssemblyTable,
            AssemblyRefTable, FileTable, ExportedTypeTable, ManifestResourceTable, GenericParamTable, GenericParamConstraintTable,
            MethodSpecTable],
        [FieldTable, ParamTable],
        [TypeDefTable, MethodDefTable, AssemblyTable],
        [TypeDefTable, TypeRefTable, ModuleRefTable, MethodDefTable, TypeSpecTable],
        [EventTable, PropertyTable],
        [MethodDefTable, MemberRefTable],
        [FieldTable, MethodDefTable],
        [FileTable, AssemblyRefTable, ExportedTypeTable],
        [-1, -1, MethodDefTable, MemberRefTable, -1],
        [ModuleTable, ModuleRefTable, AssemblyRefTable, TypeRefTable],
        [TypeDefTable, MethodDefTable],
    ];

    /// <summary>How many low bits of each coded index are its tag, derived from <see cref="CodedTables"/>.</summary>
    private static readonly int[] TagBitCounts = CountTagBits();

    /// <summary>Every table's columns (§22), by table number: what it takes to know where each table starts.</summary>
    private static readonly int[][] Schema =
    [
        [U2, StringIndex, GuidIndex, GuidIndex, GuidIndex], // Module
        [ResolutionScope, StringIndex, StringIndex], // TypeRef
        [U4, StringIndex, StringIndex, TypeDefOrRef, FieldTable, MethodDefTable], // TypeDef
        [FieldTable], // FieldPtr
        [U2, StringIndex, BlobIndex], // Field
        [MethodDefTable], // MethodPtr
        [U4, U2, U2, StringIndex, BlobIndex, ParamTable], // MethodDef
        [ParamTable], // ParamPtr
        [U2, U2, StringIndex], // Param
        [TypeDefTable, TypeDefOrRef], // InterfaceImpl
        [MemberRefParent, StringIndex, BlobIndex], // MemberRef
        [U2, HasConstant, BlobIndex], // Constant: its type byte and a padding byte, read as one U2
        [HasCustomAttribute, CustomAttributeType, BlobIndex], // CustomAttribute
        [HasFieldMarshal, BlobIndex], // FieldMarshal
        [U2, HasDeclSecurity, BlobIndex], // DeclSecurity
        [U2, U4, TypeDefTable], // ClassLayout
        [U4, FieldTable], // FieldLayout
        [BlobIndex], // StandAloneSig
        [TypeDefTable, EventTable], // EventMap
        [EventTable], // EventPtr
        [U2, StringIndex, TypeDefOrRef], // Event
        [TypeDefTable, PropertyTable], // PropertyMap
        [PropertyTable], // PropertyPtr
        [U2, StringIndex, BlobIndex], // Property
        [U2, MethodDefTable, HasSemantics], // MethodSemantics
        [TypeDefTable, MethodDefOrRef, MethodDefOrRef], // MethodImpl
        [StringIndex], // ModuleRef
        [BlobIndex], // TypeSpec
        [U2, MemberForwarded, StringIndex, ModuleRefTable], // ImplMap
        [U4, FieldTable], // FieldRVA
        [U4, U4], // EncLog
        [U4], // EncMap
        [U4, U2, U2, U2, U2, U4, BlobIndex, StringIndex, StringIndex], // Assembly
        [U4], // AssemblyProcessor
        [U4, U4, U4], // AssemblyOS
        [U2, U2, U2, U2, U4, BlobIndex, StringIndex, StringIndex, BlobIndex], // AssemblyRef
        [U4, AssemblyRefTable], // AssemblyRefProcessor
        [U4, U4, U4, AssemblyRefTable], // AssemblyRefOS
        [U4, StringIndex, BlobIndex], // File
        [U4, U4, StringIndex, StringIndex, Implementation], // ExportedType
        [U4, U4, StringIndex, Implementation], // ManifestResource
        [TypeDefTable, TypeDefTable], // NestedClass
        [U2, U2, TypeOrMethodDef, StringIndex], // GenericParam
        [MethodDefOrRef, BlobIndex], // MethodSpec
        [GenericParamTable, TypeDefOrRef], // GenericParamConstraint
    ];

    private const int StringConstant = 0x0E;
    private const int LiteralField = 0x0040;
    private const int AssemblyTag = 14, MemberRefTag = 3, TypeRefTag = 1, FieldTag = 0;

    private readonly byte* strings;
    private readonly int stringsLength;
    private readonly byte* blobs;
    private readonly int blobsLength;
    private readonly byte* tables;
    private readonly int[] rows = new int[TableCount];
    private readonly long[] tableOffsets = new long[TableCount];
    private readonly int[] rowSizes = new int[TableCount];
    private readonly int[][] columnOffsets = new int[TableCount][];
    private readonly int[][] columnSizes = new int[TableCount][];

    private ImageMetadata(byte* strings, int stringsLength, byte* blobs, int blobsLength, byte* tables)
    {
        this.strings = strings;
        this.stringsLength = stringsLength;
        this.blobs = blobs;
        this.blobsLength = blobsLength;
        this.tables = tables;
    }

    /// <summary>
    /// The metadata of <paramref name="assembly"/> where the loader mapped it; null where an assembly
    /// exposes none (Native AOT), the machine is big-endian (the constants are read as little-endian
    /// UTF-16), or the layout is one this reader does not handle.
    /// </summary>
    public static ImageMetadata? Open(Assembly assembly) =>
        BitConverter.IsLittleEndian && assembly.TryGetRawMetadata(out var metadata, out var length) ? Open(metadata, length) : null;

    /// <summary>The metadata at <paramref name="metadata"/>, which must stay mapped as long as the result is used; null for a layout this reader does not handle.</summary>
    public static ImageMetadata? Open(byte* metadata, int length)
    {
        var root = new ReadOnlySpan<byte>(metadata, length);
        if (length < 20 || BinaryPrimitives.ReadUInt32LittleEndian(root) != 0x424A5342)
        {
            return null;
        }

        var position = 16 + BinaryPrimitives.ReadInt32LittleEndian(root[12..]);
        if (position < 16 || position > length - 4)
        {
            return null;
        }

        int streamCount = BinaryPrimitives.ReadUInt16LittleEndian(root[(position + 2)..]);
        position += 4;
        (int Offset, int Size) tableStream = default, stringHeap = default, blobHeap = default;
        for (var i = 0; i < streamCount; i++)
        {
            if (position > length - 8)
            {
                return null;
            }

            var offset = BinaryPrimitives.ReadInt32LittleEndian(root[position..]);
            var size = BinaryPrimitives.ReadInt32LittleEndian(root[(position + 4)..]);
            var name = root[(position + 8)..];
            var nameLength = name.IndexOf((byte)0);
            if (nameLength < 0 || offset < 0 || size < 0 || (long)offset + size > length)
            {
                return null;
            }

            name = name[..nameLength];
            if (name.SequenceEqual("#~"u8))
            {
                tableStream = (offset, size);
            }
            else if (name.SequenceEqual("#Strings"u8))
            {
                stringHeap = (offset, size);
            }
            else if (name.SequenceEqual("#Blob"u8))
            {
                blobHeap = (offset, size);
            }
            else if (name.SequenceEqual("#-"u8))
            {
                return null;
            }

            position += 8 + ((nameLength + 4) & ~3);
        }

        if (tableStream.Size < 24)
        {
            return null;
        }

        var image = new ImageMetadata(metadata + stringHeap.Offset, stringHeap.Size, metadata + blobHeap.Offset, blobHeap.Size, metadata + tableStream.Offset);
        return image.ReadTableHeader(root.Slice(tableStream.Offset, tableStream.Size)) ? image : null;
    }

    /// <summary>The two type names the assembly's <see cref="RecordRegistryAttribute"/> gives, serialized; null when it has none.</summary>
    public (string? Headers, string? Bodies)? FindRegistry()
    {
        var attributeName = Encoding.UTF8.GetBytes(nameof(RecordRegistryAttribute));
        for (var row = 1; row <= rows[CustomAttributeTable]; row++)
        {
            var (parentTag, _) = Decode(HasCustomAttribute, Read(CustomAttributeTable, row, 0));
            var (typeTag, constructor) = Decode(CustomAttributeType, Read(CustomAttributeTable, row, 1));
            if (parentTag != AssemblyTag || typeTag != MemberRefTag || constructor < 1 || constructor > rows[MemberRefTable])
            {
                continue;
            }

            var (classTag, type) = Decode(MemberRefParent, Read(MemberRefTable, constructor, 0));
            if (classTag != TypeRefTag || type < 1 || type > rows[TypeRefTable] || !StringBytes(Read(TypeRefTable, type, 1)).SequenceEqual(attributeName))
            {
                continue;
            }

            // The value: the prolog 0x0001, then the constructor's two arguments as SerStrings (§23.3).
            var value = Blob(Read(CustomAttributeTable, row, 2));
            var position = 2;
            return value.Length >= 2 && BinaryPrimitives.ReadUInt16LittleEndian(value) == 1
                && TryReadSerializedString(value, ref position, out var headers) && TryReadSerializedString(value, ref position, out var bodies)
                ? (headers, bodies)
                : null;
        }

        return null;
    }

    /// <summary>The row of the nested type a serialized name (<c>Namespace.Outer+Nested</c>) gives; 0 when there is none.</summary>
    public int FindNestedType(string? serializedName)
    {
        var names = serializedName?.Split('+');
        if (names is not { Length: 2 })
        {
            return 0;
        }

        var dot = names[0].LastIndexOf('.');
        var outerNamespace = Encoding.UTF8.GetBytes(dot < 0 ? string.Empty : names[0][..dot]);
        var outerName = Encoding.UTF8.GetBytes(names[0][(dot + 1)..]);
        var nestedName = Encoding.UTF8.GetBytes(names[1]);
        for (var row = 1; row <= rows[TypeDefTable]; row++)
        {
            if (StringBytes(Read(TypeDefTable, row, 1)).SequenceEqual(nestedName) && EnclosingType(row) is var outer and > 0
                && StringBytes(Read(TypeDefTable, outer, 1)).SequenceEqual(outerName)
                && StringBytes(Read(TypeDefTable, outer, 2)).SequenceEqual(outerNamespace))
            {
                return row;
            }
        }

        return 0;
    }

    /// <summary>Each string constant of the type in row <paramref name="typeRow"/>, in field order, located but not read.</summary>
    public List<RecordConstant> ReadConstants(int typeRow)
    {
        var constants = new List<RecordConstant>();
        if (typeRow < 1 || typeRow > rows[TypeDefTable])
        {
            return constants;
        }

        var firstField = Read(TypeDefTable, typeRow, 4);
        var endField = typeRow < rows[TypeDefTable] ? Read(TypeDefTable, typeRow + 1, 4) : rows[FieldTable] + 1;

        // The Constant table is sorted by parent (§22.9), so a type's constants come in field order.
        for (var row = 1; row <= rows[ConstantTable]; row++)
        {
            var (parentTag, field) = Decode(HasConstant, Read(ConstantTable, row, 1));
            if (parentTag == FieldTag && field >= firstField && field < endField && field <= rows[FieldTable]
                && (Read(ConstantTable, row, 0) & 0xFF) == StringConstant && (Read(FieldTable, field, 0) & LiteralField) != 0)
            {
                constants.Add(new RecordConstant(Encoding.UTF8.GetString(StringBytes(Read(FieldTable, field, 1))), new ConstantText(this, Read(ConstantTable, row, 2))));
            }
        }

        return constants;
    }

    /// <summary>The UTF-16 text of the string constant whose blob is at <paramref name="index"/>, where the image holds it.</summary>
    public (IntPtr Start, int Length) ConstantChars(int index)
    {
        var bytes = Blob(index);
        fixed (byte* start = bytes)
        {
            return ((IntPtr)start, bytes.Length / sizeof(char));
        }
    }

    /// <summary>The row counts of the <c>#~</c> stream and where each table starts (§24.2.6); false for a layout it does not handle.</summary>
    private bool ReadTableHeader(ReadOnlySpan<byte> stream)
    {
        int heapSizes = stream[6];
        var present = BinaryPrimitives.ReadUInt64LittleEndian(stream[8..]);
        if ((present >> TableCount) != 0 || (heapSizes & ~0x07) != 0)
        {
            return false;
        }

        var position = 24;
        for (var table = 0; table < TableCount; table++)
        {
            if ((present & (1UL << table)) == 0)
            {
                continue;
            }

            if (position > stream.Length - 4)
            {
                return false;
            }

            rows[table] = BinaryPrimitives.ReadInt32LittleEndian(stream[position..]);
            position += 4;
            if (rows[table] < 0)
            {
                return false;
            }
        }

        long offset = position;
        for (var table = 0; table < TableCount; table++)
        {
            var columns = Schema[table];
            columnOffsets[table] = new int[columns.Length];
            columnSizes[table] = new int[columns.Length];
            var rowSize = 0;
            for (var column = 0; column < columns.Length; column++)
            {
                var size = ColumnSize(columns[column], heapSizes);
                columnOffsets[table][column] = rowSize;
                columnSizes[table][column] = size;
                rowSize += size;
            }

            rowSizes[table] = rowSize;
            tableOffsets[table] = offset;
            offset += (long)rowSize * rows[table];
        }

        return offset <= stream.Length;
    }

    private int ColumnSize(int kind, int heapSizes) => kind switch
    {
        U2 => 2,
        U4 => 4,
        StringIndex => (heapSizes & 0x01) != 0 ? 4 : 2,
        GuidIndex => (heapSizes & 0x02) != 0 ? 4 : 2,
        BlobIndex => (heapSizes & 0x04) != 0 ? 4 : 2,
        >= CodedIndex => LargestTable(CodedTables[kind - CodedIndex]) < (1 << (16 - TagBitCounts[kind - CodedIndex])) ? 2 : 4,
        _ => rows[kind] < (1 << 16) ? 2 : 4,
    };

    private int LargestTable(int[] candidates)
    {
        var largest = 0;
        foreach (var table in candidates)
        {
            largest = table < 0 ? largest : Math.Max(largest, rows[table]);
        }

        return largest;
    }

    private static int[] CountTagBits()
    {
        var counts = new int[CodedTables.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            while ((1 << counts[i]) < CodedTables[i].Length)
            {
                counts[i]++;
            }
        }

        return counts;
    }

    private static (int Tag, int Row) Decode(int codedIndex, int value)
    {
        var bits = TagBitCounts[codedIndex - CodedIndex];
        return (value & ((1 << bits) - 1), (int)((uint)value >> bits));
    }

    /// <summary>Column <paramref name="column"/> of row <paramref name="row"/> (1-based, in range) of <paramref name="table"/>.</summary>
    private int Read(int table, int row, int column)
    {
        var cell = tables + tableOffsets[table] + ((long)(row - 1) * rowSizes[table]) + columnOffsets[table][column];
        return columnSizes[table][column] == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(new ReadOnlySpan<byte>(cell, 2))
            : BinaryPrimitives.ReadInt32LittleEndian(new ReadOnlySpan<byte>(cell, 4));
    }

    /// <summary>The enclosing type of the type in row <paramref name="nestedRow"/>; 0 when it is not nested.</summary>
    private int EnclosingType(int nestedRow)
    {
        for (var row = 1; row <= rows[NestedClassTable]; row++)
        {
            if (Read(NestedClassTable, row, 0) == nestedRow)
            {
                var enclosing = Read(NestedClassTable, row, 1);
                return enclosing >= 1 && enclosing <= rows[TypeDefTable] ? enclosing : 0;
            }
        }

        return 0;
    }

    /// <summary>The UTF-8 bytes of the <c>#Strings</c> entry at <paramref name="index"/>, without its terminator; empty when out of bounds.</summary>
    private ReadOnlySpan<byte> StringBytes(int index)
    {
        if (index < 0 || index >= stringsLength)
        {
            return default;
        }

        var text = new ReadOnlySpan<byte>(strings + index, stringsLength - index);
        var end = text.IndexOf((byte)0);
        return end < 0 ? default : text[..end];
    }

    /// <summary>The blob at <paramref name="index"/> without its compressed length (§24.2.4); empty when out of bounds.</summary>
    private ReadOnlySpan<byte> Blob(int index)
    {
        if (index < 0 || index >= blobsLength)
        {
            return default;
        }

        var heap = new ReadOnlySpan<byte>(blobs + index, blobsLength - index);
        var position = 0;
        return TryReadCompressed(heap, ref position, out var length) && length <= heap.Length - position ? heap.Slice(position, length) : default;
    }

    /// <summary>An unsigned integer in one, two or four bytes (§23.2).</summary>
    private static bool TryReadCompressed(ReadOnlySpan<byte> bytes, ref int position, out int value)
    {
        value = 0;
        if (position >= bytes.Length)
        {
            return false;
        }

        int first = bytes[position];
        var width = (first & 0x80) == 0 ? 1 : (first & 0xC0) == 0x80 ? 2 : (first & 0xE0) == 0xC0 ? 4 : 0;
        if (width == 0 || position > bytes.Length - width)
        {
            return false;
        }

        value = width switch
        {
            1 => first,
            2 => ((first & 0x3F) << 8) | bytes[position + 1],
            _ => ((first & 0x1F) << 24) | (bytes[position + 1] << 16) | (bytes[position + 2] << 8) | bytes[position + 3],
        };
        position += width;
        return true;
    }

    /// <summary>A SerString (§23.3): 0xFF for null, else a compressed length and that many bytes of UTF-8.</summary>
    private static bool TryReadSerializedString(ReadOnlySpan<byte> value, ref int position, out string? text)
    {
        text = null;
        if (position < value.Length && value[position] == 0xFF)
        {
            position++;
            return true;
        }

        if (!TryReadCompressed(value, ref position, out var length) || length > value.Length - position)
        {
            return false;
        }

        text = Encoding.UTF8.GetString(value.Slice(position, length));
        position += length;
        return true;
    }
}
