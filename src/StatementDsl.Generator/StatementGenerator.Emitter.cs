using System.Globalization;

namespace StatementDsl.Generator;

public sealed partial class StatementGenerator
{
    private const string Runtime = "global::StatementDsl";
    private const string Records = "global::StatementDsl.Records";
    private const string RegistryClass = "StatementDslRecords";
    private const string HeadersClass = "__RecordHeaders";
    private const string BodiesClass = "__RecordData";

    internal static string GeneratedCodeAttribute { get; } =
        "[global::System.CodeDom.Compiler.GeneratedCode(\"StatementDsl.Generator\", \"" + typeof(StatementGenerator).Assembly.GetName().Version!.ToString(3) + "\")]";

    /// <summary>
    /// The file's class: typed accessors over its records, which stay data, not code: two string
    /// constants, headers and bodies, that the runtime reads in place from the metadata (docs/generator.md).
    /// </summary>
    internal static string EmitFile(FileModel file, GenerationOptions options)
    {
        var path = options.Paths.Display(file.Path);
        var writer = StartFile("Records of " + path + ".");
        WriteNamespace(writer, options);
        writer.WriteLine("/// <summary>Records declared in <c>" + XmlEscape(path) + "</c>.</summary>");
        writer.WriteLine(GeneratedCodeAttribute);
        writer.OpenBlock("public static partial class " + file.ClassName);
        writer.WriteLine("private static " + Records + ".RecordFile? __records;");
        writer.WriteLine();
        // A member named like its class would not compile (CS0542); the binder reports it as STMT1012.
        var className = file.ClassName.TrimStart('@');
        if (className != "Transcript")
        {
            writer.WriteLine("/// <summary>The file's <c>transcript</c> declaration; null when it has none.</summary>");
            writer.WriteLine("public static " + Runtime + ".Transcript? Transcript => __Records.Transcript;");
            writer.WriteLine();
        }

        WriteList(writer, className, "Person", "People", "people");
        WriteList(writer, className, "Organization", "Organizations", "organizations");
        WriteList(writer, className, "Meeting", "Meetings", "meetings");
        WriteList(writer, className, "Statement", "Statements", "top-level statements");
        WriteList(writer, className, "Membership", "Memberships", "memberships, top-level or inside their person,");
        // Each id property is mapped to where its id is written, so that go-to-definition, find references and
        // stack traces from C# land in the .stmt file (a path a #line cannot quote gets no mapping).
        var debuggerPath = options.Paths.ForDebugger(file.Path);
        var mapped = debuggerPath.IndexOfAny(['"', '\r', '\n']) < 0;
        foreach (var property in file.Properties.Where(p => options.NestedIdProperties || !p.Nested))
        {
            writer.WriteLine("/// <summary>" + property.Kind + " <c>" + XmlEscape(property.Id) + "</c> (" + XmlEscape(path) + ", line "
                + property.IdStart.Line.ToString(CultureInfo.InvariantCulture) + ").</summary>");
            var declaration = "public static " + Runtime + "." + property.TypeName + " ";
            if (mapped)
            {
                // The end a #line names is its span's last character, inclusive.
                writer.WriteLine("#line " + Position(property.IdStart) + " - " + Position(property.IdEnd with { Column = property.IdEnd.Column - 1 }) + " "
                    + (writer.Indentation + declaration.Length + 1).ToString(CultureInfo.InvariantCulture) + " \"" + debuggerPath + "\"");
            }

            writer.WriteLine(declaration + property.Name + " => __Records." + property.TypeName + "(" + property.Index.ToString(CultureInfo.InvariantCulture) + ");");
            if (mapped)
            {
                writer.WriteLine("#line default");
            }

            writer.WriteLine();
        }

        writer.WriteLine("private static " + Records + ".RecordFile __Records => __records ??= " + Qualified(options, RegistryClass) + ".Store.File("
            + CSharpLiteral.Quote(file.ClassName.TrimStart('@')) + ");");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("internal static partial class " + RegistryClass);
        writer.OpenBlock("internal static partial class " + HeadersClass);
        writer.WriteLine("private const string " + file.ClassName + " = \"" + RecordEncoder.EncodePath(path) + file.Records.Headers + "\";");
        writer.CloseBlock();
        writer.WriteLine();
        writer.OpenBlock("internal static partial class " + BodiesClass);
        writer.WriteLine("private const string " + file.ClassName + " = \"" + string.Concat(file.Records.Bodies) + "\";");
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    /// <summary>The store of all files: it reads the constants of the two data classes, so it depends on nothing but the namespace.</summary>
    internal static string EmitRegistry(GenerationOptions options)
    {
        var writer = StartFile("The record store of every .stmt file of the project.");
        writer.WriteLine("[assembly: " + Records + ".RecordRegistry(typeof(" + Qualified(options, RegistryClass) + "." + HeadersClass + "), typeof("
            + Qualified(options, RegistryClass) + "." + BodiesClass + "))]");
        writer.WriteLine();
        WriteNamespace(writer, options);
        writer.WriteLine(GeneratedCodeAttribute);
        writer.OpenBlock("internal static partial class " + RegistryClass);
        writer.WriteLine("internal static readonly " + Records + ".RecordStore Store = " + Records + ".RecordStore.For(typeof(" + HeadersClass + "), typeof(" + BodiesClass + "));");
        writer.WriteLine();
        writer.WriteLine("/// <summary>One string constant per <c>.stmt</c> file, named after its class: the path and every record's header, side by side for all files.</summary>");
        writer.OpenBlock("internal static partial class " + HeadersClass);
        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine("/// <summary>One string constant per <c>.stmt</c> file: the records' bodies, read in place when a record's fields are.</summary>");
        writer.OpenBlock("internal static partial class " + BodiesClass);
        writer.CloseBlock();
        writer.CloseBlock();
        return writer.ToString();
    }

    private static SourceWriter StartFile(string description)
    {
        var writer = new SourceWriter();
        writer.WriteLine("// <auto-generated/>");
        writer.WriteLine("// " + CSharpLiteral.Escape(description));

        // Annotated for the code that uses it, but not flow-analyzed: the generated bodies cannot warn, and
        // the analysis was a fifth of the compiler's time per generated property (docs/benchmarks.md).
        writer.WriteLine("#nullable enable annotations");
        writer.WriteLine("#nullable disable warnings");
        writer.WriteLine();
        return writer;
    }

    private static void WriteNamespace(SourceWriter writer, GenerationOptions options)
    {
        if (options.Namespace.Length > 0)
        {
            writer.WriteLine("namespace " + options.Namespace + ";");
            writer.WriteLine();
        }
    }

    private static void WriteList(SourceWriter writer, string className, string type, string name, string what)
    {
        if (name == className)
        {
            return;
        }

        writer.WriteLine("/// <summary>The file's " + what + ", in file order.</summary>");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<" + Runtime + "." + type + "> " + name + " => __Records." + name + ";");
        writer.WriteLine();
    }

    private static string Position(Language.Text.LinePosition position) =>
        "(" + position.Line.ToString(CultureInfo.InvariantCulture) + ", " + position.Column.ToString(CultureInfo.InvariantCulture) + ")";

    private static string Qualified(GenerationOptions options, string name) =>
        options.Namespace.Length > 0 ? "global::" + options.Namespace + "." + name : "global::" + name;

    private static string XmlEscape(string text) => CSharpLiteral.Escape(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
