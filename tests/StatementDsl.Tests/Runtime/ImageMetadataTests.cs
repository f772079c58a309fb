using System.Reflection;
using StatementDsl.Records;
using StatementDsl.Tests.Generator;

namespace StatementDsl.Tests.Runtime;

/// <summary>How the runtime locates string constants in an assembly's metadata, checked against reflection on real assemblies of every size.</summary>
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
            var read = image.ReadConstants(ImageMetadata.Definition(type)).Select(c => (c.ClassName, c.Text.Span.ToString())).Order().ToList();
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
        Assert.Equal(ImageMetadata.Definition(assembly.GetType(headers!)!), image.FindNestedType(headers));
        Assert.True(image.FindNestedType("Sample.Elsewhere+__RecordHeaders").IsNil);
        Assert.True(image.FindNestedType("NotNested").IsNil);
        Assert.Null(ImageMetadata.Open(typeof(ImageMetadataTests).Assembly)!.FindRegistry());
    }
}
