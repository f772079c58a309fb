using System.Reflection;
using System.Reflection.Metadata;
using StatementDsl.Records;
using StatementDsl.Tests.Generator;

namespace StatementDsl.Tests.Runtime;

/// <summary>The runtime's own reader of ECMA-335 metadata, checked against reflection on real assemblies of every size.</summary>
public class ImageMetadataTests
{
    public static TheoryData<string> Assemblies() =>
    [
        typeof(object).Assembly.GetName().Name!,
        typeof(Microsoft.CodeAnalysis.SyntaxTree).Assembly.GetName().Name!,
        typeof(System.Text.Json.JsonSerializer).Assembly.GetName().Name!,
        typeof(Person).Assembly.GetName().Name!,
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Reads_every_string_constant_of_every_type_as_reflection_does(string assemblyName)
    {
        var assembly = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == assemblyName);
        var image = ImageMetadata.Open(assembly);
        Assert.NotNull(image);
        var compared = 0;
        foreach (var type in assembly.GetTypes())
        {
            var read = image.ReadConstants(type.MetadataToken & 0xFFFFFF).Select(c => (c.ClassName, c.Text.Span.ToString())).Order().ToList();
            var reflected = type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => f.IsLiteral && f.GetRawConstantValue() is string)
                .Select(f => (f.Name, (string)f.GetRawConstantValue()!)).Order().ToList();
            Assert.Equal(reflected, read);
            compared += read.Count;
        }

        Assert.True(compared > 0 || assemblyName == typeof(Person).Assembly.GetName().Name, "no constant was compared");
    }

    [Fact]
    public void Finds_the_registry_and_the_nested_types_it_names()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.File("a.stmt", "person p { name: \"P\" }"));
        var image = ImageMetadata.Open(assembly)!;
        var (headers, bodies) = image.FindRegistry()!.Value;
        Assert.Equal("Sample.StatementDslRecords+__RecordHeaders", headers);
        Assert.Equal("Sample.StatementDslRecords+__RecordData", bodies);
        Assert.Equal(assembly.GetType(headers!)!.MetadataToken & 0xFFFFFF, image.FindNestedType(headers));
        Assert.Equal(0, image.FindNestedType("Sample.Elsewhere+__RecordHeaders"));
        Assert.Equal(0, image.FindNestedType("NotNested"));
        Assert.Null(ImageMetadata.Open(typeof(ImageMetadataTests).Assembly)!.FindRegistry());
    }

    [Fact]
    public unsafe void Metadata_cut_short_or_corrupted_is_refused_rather_than_read_out_of_bounds()
    {
        Assert.True(typeof(Person).Assembly.TryGetRawMetadata(out var start, out var length));
        var original = new ReadOnlySpan<byte>(start, length).ToArray();
        foreach (var cut in new[] { 0, 4, 19, 20, 64, 200, length / 4, length / 2, length - 1 })
        {
            fixed (byte* copy = original.AsSpan(0, cut).ToArray())
            {
                Assert.Null(ImageMetadata.Open(copy, cut));
            }
        }

        var random = new byte[4096];
        new Random(7).NextBytes(random);
        fixed (byte* copy = random)
        {
            Assert.Null(ImageMetadata.Open(copy, random.Length));
        }

        // A table this reader has no schema for (0x30, a portable PDB table) in the table stream's mask.
        var unknownTable = (byte[])original.Clone();
        unknownTable[TableStreamOffset(original) + 8 + 6] |= 0x01;
        fixed (byte* copy = unknownTable)
        {
            Assert.Null(ImageMetadata.Open(copy, unknownTable.Length));
        }
    }

    /// <summary>Where the <c>#~</c> stream starts, from the metadata root's stream headers (ECMA-335 §24.2.1–2).</summary>
    private static int TableStreamOffset(byte[] metadata)
    {
        var position = 16 + BitConverter.ToInt32(metadata, 12) + 4;
        for (var stream = BitConverter.ToUInt16(metadata, position - 2); stream > 0; stream--)
        {
            var name = Array.IndexOf(metadata, (byte)0, position + 8) - (position + 8);
            if (System.Text.Encoding.ASCII.GetString(metadata, position + 8, name) == "#~")
            {
                return BitConverter.ToInt32(metadata, position);
            }

            position += 8 + ((name + 4) & ~3);
        }

        throw new InvalidOperationException("no #~ stream");
    }
}
