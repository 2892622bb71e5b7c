namespace DataIp.Crypto.Credentials;

/// <summary>
/// A key that signs credentials, and the verification method under which it is published. The
/// signer is the same seam as for notes (<see cref="INoteSigner"/>): the keys load with
/// <see cref="NoteKeyStore"/>; the note key name plays no part in a credential.
/// </summary>
/// <param name="VerificationMethod">The id of the key's entry in the issuer's document, e.g.
/// <see cref="CredentialVerificationMethod.Id"/>.</param>
/// <param name="Signer">The private key.</param>
public sealed record CredentialSigningKey(string VerificationMethod, INoteSigner Signer)
{
    /// <summary>The cryptosuite this key's proofs use.</summary>
    public string Cryptosuite => Credentials.Cryptosuite.For(Signer.VerifierKey.Algorithm);

    /// <summary>The signing key and its verification method named after its public key (<see cref="CredentialVerificationMethod.For"/>).</summary>
    /// <param name="controller">The issuer's DID.</param>
    /// <param name="signer">The private key.</param>
    /// <returns>The signing key.</returns>
    public static CredentialSigningKey For(string controller, INoteSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return new(CredentialVerificationMethod.For(controller, signer.VerifierKey).Id, signer);
    }
}
