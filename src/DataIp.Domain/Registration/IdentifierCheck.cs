using DataIp.Domain.Numbering;

namespace DataIp.Domain.Registration;

/// <summary>
/// Checks the format of an identifier such as a unified social credit code or a resident ID number.
/// </summary>
/// <param name="value">The identifier as entered; never null or blank.</param>
/// <returns>
/// <see cref="CodeCheck.Valid"/>, or what is wrong: a code with its arguments for the pages, and an
/// English sentence for the API.
/// </returns>
public delegate CodeCheck IdentifierCheck(string value);
