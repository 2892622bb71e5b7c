var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => "ok");
await app.RunAsync();

/// <summary>The web host; public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
