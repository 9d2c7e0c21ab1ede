using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LegacyAuthAnalyzers.Transport;

/// <summary>
/// The data the transport analyzers hand to their code fixes (keys in <see cref="DiagnosticProperties"/>).
/// Serves LA2001, LA2002 and LA2003.
/// </summary>
internal static class TransportProperties
{
    public static ImmutableDictionary<string, string?> For(TransportAssessment assessment)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string?>();
        builder.Add(DiagnosticProperties.FixMode, assessment.FixMode.ToString());
        if (assessment.FixPort is { } port)
        {
            builder.Add(DiagnosticProperties.FixPort, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToImmutable();
    }
}
