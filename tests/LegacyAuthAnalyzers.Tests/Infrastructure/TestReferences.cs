using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LegacyAuthAnalyzers.Tests.Infrastructure;

/// <summary>
/// Metadata reference sets for test compilations. Everything comes from the test's own output folder and the
/// embedded Basic.Reference.Assemblies, so nothing is ever downloaded.
/// </summary>
public static class TestReferences
{
    public const string ExchangeWebServicesAssemblyName = "Microsoft.Exchange.WebServices";

    private const string ExchangeWebServicesStubResource = "ExchangeWebServices.cs";

    // Files, not types: since 1.21 Azure.Identity.dll only forwards its credentials to Azure.Core, so
    // typeof(ClientSecretCredential).Assembly would be Azure.Core and miss the assembly consumers reference.
    private static readonly string[] s_libraries =
    [
        "MailKit",
        "MimeKit",
        "Microsoft.Identity.Client",
        "Microsoft.IdentityModel.Clients.ActiveDirectory",
        "Azure.Identity",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_net100 = new(
        () => Basic.Reference.Assemblies.Net100.References.All.ToImmutableArray<MetadataReference>());

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_mailLibraries = new(CreateMailLibraries);

    private static readonly Lazy<MetadataReference> s_exchangeWebServices = new(CompileExchangeWebServicesStub);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(() => Net100.AddRange(MailLibraries));

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_withAdalForNetFramework = new(CreateWithAdalForNetFramework);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_withoutSystemNetMail = new(
        () => Net100.RemoveAll(reference => string.Equals(GetAssemblyName(reference), "System.Net.Mail", StringComparison.OrdinalIgnoreCase)));

    /// <summary>The .NET 10 reference assemblies.</summary>
    public static ImmutableArray<MetadataReference> Net100 => s_net100.Value;

    /// <summary>
    /// MailKit, MimeKit, MSAL, ADAL, Azure.Identity and the EWS stub, plus the non-framework assemblies their
    /// public surface depends on (Azure.Core, BouncyCastle, …), as a project referencing those packages would see.
    /// </summary>
    public static ImmutableArray<MetadataReference> MailLibraries => s_mailLibraries.Value;

    /// <summary>The EWS Managed API stub (<c>Stubs/ExchangeWebServices.cs</c>) compiled to metadata.</summary>
    public static MetadataReference ExchangeWebServices => s_exchangeWebServices.Value;

    /// <summary><see cref="Net100"/> plus <see cref="MailLibraries"/>: the default for analyzer tests.</summary>
    public static ImmutableArray<MetadataReference> All => s_all.Value;

    /// <summary>Only the framework: proves rules stay silent (and do not crash) when the libraries are absent.</summary>
    public static ImmutableArray<MetadataReference> WithoutMailLibraries => Net100;

    /// <summary>The framework without System.Net.Mail.dll, so <c>System.Net.Mail.SmtpClient</c> does not resolve.</summary>
    public static ImmutableArray<MetadataReference> WithoutSystemNetMail => s_withoutSystemNetMail.Value;

    /// <summary>
    /// <see cref="All"/> with ADAL's .NET Framework build instead of its .NET Standard one: only the .NET Framework
    /// build has <c>UserPasswordCredential</c>, the ADAL username/password flow legacy apps use.
    /// </summary>
    public static ImmutableArray<MetadataReference> WithAdalForNetFramework => s_withAdalForNetFramework.Value;

    private static ImmutableArray<MetadataReference> CreateWithAdalForNetFramework()
    {
        const string adal = "Microsoft.IdentityModel.Clients.ActiveDirectory";
        var path = Path.Combine(AppContext.BaseDirectory, "AdalNetFramework", adal + ".dll");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing; the test project copies it from the ADAL package.");
        }

        return All
            .RemoveAll(reference => string.Equals(Path.GetFileNameWithoutExtension(reference.Display), adal, StringComparison.OrdinalIgnoreCase))
            .Add(MetadataReference.CreateFromFile(path));
    }

    private static ImmutableArray<MetadataReference> CreateMailLibraries()
    {
        var outputFolder = AppContext.BaseDirectory;
        var frameworkNames = Net100.Select(GetAssemblyName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var paths = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>();

        foreach (var library in s_libraries)
        {
            var path = Path.Combine(outputFolder, library + ".dll");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{library}.dll is missing from {outputFolder}; is its package referenced?");
            }

            pending.Enqueue(path);
        }

        // Configuration binding is how apps usually feed credentials to these libraries; it is not a
        // dependency of them, so it is added on its own when the restore copied it.
        var configurationAbstractions = Path.Combine(outputFolder, "Microsoft.Extensions.Configuration.Abstractions.dll");
        if (File.Exists(configurationAbstractions))
        {
            pending.Enqueue(configurationAbstractions);
        }

        // Walk the references of each library and keep every one that is not part of the framework and was copied
        // next to the tests: what a consumer's compilation would get transitively from the packages.
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            var name = Path.GetFileNameWithoutExtension(path);
            if (frameworkNames.Contains(name) || !paths.TryAdd(name, path))
            {
                continue;
            }

            foreach (var referenced in GetReferencedAssemblyNames(path))
            {
                var candidate = Path.Combine(outputFolder, referenced + ".dll");
                if (File.Exists(candidate))
                {
                    pending.Enqueue(candidate);
                }
            }
        }

        return paths.Values
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(ExchangeWebServices)
            .ToImmutableArray();
    }

    private static MetadataReference CompileExchangeWebServicesStub()
    {
        var assembly = typeof(TestReferences).Assembly;
        var resourceNames = assembly.GetManifestResourceNames();
        var resourceName = resourceNames.SingleOrDefault(name => name.EndsWith(ExchangeWebServicesStubResource, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"Embedded resource '*{ExchangeWebServicesStubResource}' not found; resources: {string.Join(", ", resourceNames)}");

        string source;
        using (var stream = assembly.GetManifestResourceStream(resourceName)!)
        using (var reader = new StreamReader(stream))
        {
            source = reader.ReadToEnd();
        }

        var compilation = CSharpCompilation.Create(
            ExchangeWebServicesAssemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "ExchangeWebServices.cs")],
            Net100,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var problems = result.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (!result.Success || problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The EWS stub does not compile cleanly:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        return MetadataReference.CreateFromImage(image.ToArray(), filePath: ExchangeWebServicesAssemblyName + ".dll");
    }

    private static IEnumerable<string> GetReferencedAssemblyNames(string path)
    {
        using var stream = File.OpenRead(path);
        using var peReader = new PEReader(stream);
        var metadata = peReader.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .ToList();
    }

    private static string GetAssemblyName(MetadataReference reference)
    {
        var metadata = (AssemblyMetadata)((PortableExecutableReference)reference).GetMetadata();
        var reader = metadata.GetModules()[0].GetMetadataReader();
        return reader.GetString(reader.GetAssemblyDefinition().Name);
    }
}
