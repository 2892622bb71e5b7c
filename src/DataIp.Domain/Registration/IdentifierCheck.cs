namespace DataIp.Domain.Registration;

/// <summary>
/// Checks the format of an identifier such as a unified social credit code or a resident ID number.
/// </summary>
/// <param name="value">The identifier as entered; never null or blank.</param>
/// <returns>Null when the identifier is valid; otherwise an English sentence saying what is wrong.</returns>
public delegate string? IdentifierCheck(string value);
