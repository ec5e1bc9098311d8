# syntax=docker/dockerfile:1
# Build: the SDK compiles the API, then builds the SQLite database and snapshot files from seed-data/,
# so the running container only reads.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props OpenHealthData.sln ./
COPY src/OpenHealthData.Data/OpenHealthData.Data.csproj src/OpenHealthData.Data/
COPY src/OpenHealthData.Api/OpenHealthData.Api.csproj src/OpenHealthData.Api/
RUN dotnet restore src/OpenHealthData.Api/OpenHealthData.Api.csproj
COPY src/ src/
COPY seed-data/ seed-data/
RUN dotnet publish src/OpenHealthData.Api/OpenHealthData.Api.csproj -c Release --no-restore -o /app \
 && cp -r seed-data /app/seed-data \
 && dotnet /app/OpenHealthData.Api.dll seed --seed-data /app/seed-data --database /app/data/openhealthdata.db

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Data__SeedDirectory=/app/seed-data \
    Data__DatabasePath=/app/data/openhealthdata.db
# The image's unprivileged user; the files stay root-owned and read-only to it.
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "OpenHealthData.Api.dll"]
