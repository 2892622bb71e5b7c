// The namespaces nearly every feature of the host uses: the domain's acts and rules, the act
// pipeline, the database, the signed-in principal, the typed results of the API and the pages.
global using System.Security.Claims;
global using DataIp.Data;
global using DataIp.Data.Accounts;
global using DataIp.Data.Acts;
global using DataIp.Data.Applications;
global using DataIp.Data.Attachments;
global using DataIp.Domain.Acts;
global using DataIp.Domain.Registration;
global using DataIp.Domain.Rights;
global using DataIp.Web.Features.Acts;
global using DataIp.Web.Features.Applications;
global using DataIp.Web.Infrastructure;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
