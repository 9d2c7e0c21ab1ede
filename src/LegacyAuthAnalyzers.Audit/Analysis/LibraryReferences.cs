using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis.CSharp;

namespace LegacyAuthAnalyzers.Audit.Analysis;

/// <summary>The mail and identity libraries the rules know, as the audit can reference them without a restore.</summary>
internal enum Library
{
    MailKit,
    MimeKit,
    Msal,
    Adal,
    AzureIdentity,
    ExchangeWebServices,
}

/// <summary>
/// Metadata references for the compilations the audit builds: the .NET 10 reference assemblies, plus the mail and
/// identity libraries a project names in its <c>PackageReference</c>/<c>Reference</c> items. A project that names
/// none of them (or a group outside any project) gets all of them: its libraries may come through a
/// <c>Directory.Build.targets</c>, a private package or a project outside the repository, none of which the audit
/// evaluates, and a reference the code does not use changes no finding. The libraries ship with the tool; their
/// assemblies are only read as metadata, never loaded. Each distinct set is built once and shared by every compilation.
/// </summary>
internal static class LibraryReferences
{
    public const string ExchangeWebServicesAssemblyName = "Microsoft.Exchange.WebServices";

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_net100 = new(
        () => ImmutableArray<MetadataReference>.CastUp(Basic.Reference.Assemblies.Net100.References.All));

    private static readonly Lazy<IReadOnlySet<string>> s_frameworkNames = new(
        () => Basic.Reference.Assemblies.Net100.References.All.Select(reference => Path.GetFileNameWithoutExtension(reference.FilePath ?? reference.Display ?? string.Empty)).ToHashSet(StringComparer.OrdinalIgnoreCase));

    private static readonly Lazy<MetadataReference> s_exchangeWebServices = new(CompileExchangeWebServicesSurface);

    private static readonly ConcurrentDictionary<string, ImmutableArray<MetadataReference>> s_sets = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, MetadataReference> s_files = new(StringComparer.OrdinalIgnoreCase);

    public static ImmutableArray<MetadataReference> Net100 => s_net100.Value;

    /// <summary>The libraries a project's package and assembly names point to; all of them when it names none.</summary>
    public static IReadOnlySet<Library> Select(IEnumerable<string> packageNames)
    {
        var libraries = packageNames.SelectMany(LibrariesOf).ToHashSet();
        return libraries.Count > 0 ? libraries : Enum.GetValues<Library>().ToHashSet();
    }

    /// <summary>The library (and the libraries it brings) a package or assembly name stands for.</summary>
    public static IEnumerable<Library> LibrariesOf(string name)
    {
        var n = name.Trim();
        if (n.Equals("MailKit", StringComparison.OrdinalIgnoreCase) || n.Equals("MailKitLite", StringComparison.OrdinalIgnoreCase))
        {
            return [Library.MailKit, Library.MimeKit];
        }

        if (n.Equals("MimeKit", StringComparison.OrdinalIgnoreCase) || n.Equals("MimeKitLite", StringComparison.OrdinalIgnoreCase))
        {
            return [Library.MimeKit];
        }

        if (n.StartsWith("Microsoft.Identity.Client", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Microsoft.Identity.Web", StringComparison.OrdinalIgnoreCase))
        {
            return [Library.Msal];
        }

        if (n.Equals("Microsoft.IdentityModel.Clients.ActiveDirectory", StringComparison.OrdinalIgnoreCase))
        {
            return [Library.Adal];
        }

        if (n.Equals("Azure.Identity", StringComparison.OrdinalIgnoreCase))
        {
            return [Library.AzureIdentity, Library.Msal];
        }

        // Microsoft.Exchange.WebServices, its .NET Standard ports and the EWS-Api-2.x packages.
        if (n.Contains("Exchange.WebServices", StringComparison.OrdinalIgnoreCase) || n.StartsWith("EWS", StringComparison.OrdinalIgnoreCase))
        {
            return [Library.ExchangeWebServices];
        }

        return [];
    }

    /// <summary>The references for one compilation: shared instances, so many compilations cost the metadata once.</summary>
    public static ImmutableArray<MetadataReference> For(IReadOnlySet<Library> libraries, bool netFramework)
    {
        var key = string.Join(',', libraries.Order()) + (netFramework ? ";netfx" : string.Empty);
        return s_sets.GetOrAdd(key, _ => Create(libraries, netFramework));
    }

    private static ImmutableArray<MetadataReference> Create(IReadOnlySet<Library> libraries, bool netFramework)
    {
        var folder = AppContext.BaseDirectory;
        var roots = new List<string>();
        foreach (var library in libraries)
        {
            switch (library)
            {
                case Library.MailKit:
                    roots.Add(Path.Combine(folder, "MailKit.dll"));
                    break;
                case Library.MimeKit:
                    roots.Add(Path.Combine(folder, "MimeKit.dll"));
                    break;
                case Library.Msal:
                    roots.Add(Path.Combine(folder, "Microsoft.Identity.Client.dll"));
                    break;
                case Library.Adal:
                    // Only ADAL's .NET Framework build has UserPasswordCredential, which .NET Framework projects use.
                    var netFrameworkAdal = Path.Combine(folder, "references", "netframework", "Microsoft.IdentityModel.Clients.ActiveDirectory.dll");
                    roots.Add(netFramework && File.Exists(netFrameworkAdal) ? netFrameworkAdal : Path.Combine(folder, "Microsoft.IdentityModel.Clients.ActiveDirectory.dll"));
                    break;
                case Library.AzureIdentity:
                    roots.Add(Path.Combine(folder, "Azure.Identity.dll"));
                    break;
            }
        }

        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(Net100);
        foreach (var path in WithDependencies(roots, folder))
        {
            builder.Add(s_files.GetOrAdd(path, static p => MetadataReference.CreateFromFile(p)));
        }

        if (libraries.Contains(Library.ExchangeWebServices))
        {
            builder.Add(s_exchangeWebServices.Value);
        }

        return builder.ToImmutable();
    }

    /// <summary>The libraries and the non-framework assemblies their public surface references (Azure.Core, BouncyCastle, ...).</summary>
    private static IEnumerable<string> WithDependencies(IEnumerable<string> roots, string folder)
    {
        var paths = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>(roots.Where(File.Exists));
        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            var name = Path.GetFileNameWithoutExtension(path);
            if (s_frameworkNames.Value.Contains(name) || !paths.TryAdd(name, path))
            {
                continue;
            }

            foreach (var referenced in ReferencedAssemblyNames(path))
            {
                var candidate = Path.Combine(folder, referenced + ".dll");
                if (File.Exists(candidate))
                {
                    pending.Enqueue(candidate);
                }
            }
        }

        return paths.Values;
    }

    private static List<string> ReferencedAssemblyNames(string path)
    {
        using var stream = File.OpenRead(path);
        using var peReader = new PEReader(stream);
        var metadata = peReader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
    }

    private static MetadataReference CompileExchangeWebServicesSurface()
    {
        // The EWS Managed API is not on the package feeds the tool is built from: its public surface is compiled
        // from source, once per run, into an in-memory assembly with the real assembly name.
        using var stream = typeof(LibraryReferences).Assembly.GetManifestResourceStream("ExchangeWebServices.cs")
            ?? throw new InvalidOperationException("The EWS API surface is missing from the tool.");
        using var reader = new StreamReader(stream);
        var compilation = CSharpCompilation.Create(
            ExchangeWebServicesAssemblyName,
            [CSharpSyntaxTree.ParseText(reader.ReadToEnd(), new CSharpParseOptions(LanguageVersion.Latest))],
            Net100,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The EWS API surface does not compile: " + string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(image.ToArray(), filePath: ExchangeWebServicesAssemblyName + ".dll");
    }
}
