using DataIp.Domain.Registration;

namespace DataIp.Domain.Acts;

/// <summary>A holder of a pilot-era certificate as the pilot recorded it.</summary>
/// <param name="Name">The holder's name.</param>
/// <param name="Identifier">Its unified social credit code (or a person's ID number).</param>
public sealed record PilotHolder(string Name, string? Identifier);

/// <summary>
/// <c>importRegistration</c>: a certificate a pilot registration body issued under its own number
/// before the unified platform, brought onto the register (docs/import.md). One act per imported
/// row: the pilot-era facts as the pilot recorded them, the unified registration number the
/// registration was given, and (in the <c>issueCertificate</c> act logged right after it) its first
/// unified certificate. From then on the registration is a normal one. Who imported it is the
/// act's actor (an administrator of the body or a national one); why, its batch and line.
/// </summary>
public sealed record ImportRegistrationAct : CertifyingPayload
{
    /// <summary>The pilot-era certificate number, which verification still accepts as an alias.</summary>
    [Disclosed(Disclosure.Public)] public required string PilotCertificateNumber { get; init; }

    /// <summary>The pilot-era registration number, if the pilot gave one apart from the certificate's.</summary>
    [Disclosed(Disclosure.Public)] public string? PilotRegistrationNumber { get; init; }

    /// <summary>The original registration date (China).</summary>
    [Disclosed(Disclosure.Public)] public required DateOnly RegistrationDate { get; init; }

    /// <summary>The last day of validity the pilot certificate gave.</summary>
    [Disclosed(Disclosure.Public)] public required DateOnly ValidUntil { get; init; }

    /// <summary>The holders' names and shares, the first listed first.</summary>
    [Disclosed(Disclosure.Public)] public required IReadOnlyList<HolderShare> Holders { get; init; }

    /// <summary>The holders with their identifiers, as the pilot recorded them.</summary>
    [Disclosed(Disclosure.Parties)] public IReadOnlyList<PilotHolder>? PilotHolders { get; init; }

    /// <summary>The rights registered.</summary>
    [Disclosed(Disclosure.Public)] public IReadOnlyList<DataRight>? Rights { get; init; }

    /// <summary>The industry (GB/T 4754 division).</summary>
    [Disclosed(Disclosure.Public)] public string? IndustryCode { get; init; }

    /// <summary>The application scenarios.</summary>
    [Disclosed(Disclosure.Public)] public IReadOnlyList<string>? Scenarios { get; init; }

    /// <summary>The product summary.</summary>
    [Disclosed(Disclosure.Public)] public string? Summary { get; init; }

    /// <summary>The batch: the file's name and its line, which the act came from.</summary>
    [Disclosed(Disclosure.Public)] public required string Batch { get; init; }

    /// <summary>The line of the file the row was on.</summary>
    [Disclosed(Disclosure.Public)] public required int Line { get; init; }
}
