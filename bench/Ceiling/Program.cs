// The "ceiling": a bare Kestrel app that answers each recorded request with the API's recorded response
// bytes and content type, doing no work beyond reading the request. What the API reaches against it is
// what its own work (GraphQL, EF Core, SQLite, serialisation) costs on this machine.
//
//   dotnet bench/Ceiling/bin/Release/net10.0/Ceiling.dll RECORDINGS_DIR --urls http://127.0.0.1:PORT
//
// RECORDINGS_DIR holds, per request NAME: NAME.meta (line 1 method, line 2 path with query, line 3 content
// type), NAME.req (request body, may be empty) and NAME.res (response body).
using System.Text;

var dir = args[0];
var responses = new Dictionary<string, (byte[] Body, string ContentType)>(StringComparer.Ordinal);
foreach (var meta in Directory.EnumerateFiles(dir, "*.meta"))
{
    var lines = File.ReadAllLines(meta);
    var name = Path.ChangeExtension(meta, null);
    var request = File.Exists(name + ".req") ? File.ReadAllText(name + ".req") : "";
    responses[Key(lines[0], lines[1], request)] = (File.ReadAllBytes(name + ".res"), lines[2]);
}

var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
var app = builder.Build();
app.Run(async http =>
{
    var body = "";
    if (HttpMethods.IsPost(http.Request.Method))
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        body = await reader.ReadToEndAsync();
    }
    if (!responses.TryGetValue(Key(http.Request.Method, http.Request.Path + http.Request.QueryString, body), out var response))
    {
        http.Response.StatusCode = 404;
        return;
    }
    http.Response.ContentType = response.ContentType;
    http.Response.ContentLength = response.Body.Length;
    await http.Response.Body.WriteAsync(response.Body);
});
Console.WriteLine($"Ceiling: {responses.Count} recorded responses from {dir}");
app.Run();

static string Key(string method, string pathAndQuery, string body) => $"{method} {pathAndQuery}\n{body}";
