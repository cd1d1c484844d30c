package org.ncbgateway.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a keystore password comes from: a file or an environment variable, never the command line
 * (which other users of the machine can read in the process list).
 */
@FunctionalInterface
public interface PasswordSource {

    /** The environment variable a node's keystore password is read from when it has no password file. */
    String NODE_PASSWORD_ENV = "NCB_KEYSTORE_PASSWORD";
    /** The name of the password file beside a node's (or the root's) keystores. */
    String PASSWORD_FILE = "password";

    char[] password() throws PkiException;

    /** The first line of {@code file}, without its line break. */
    static PasswordSource file(Path file) {
        return () -> {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String line = text.lines().findFirst().orElse("");
                if (line.isEmpty()) {
                    throw new PkiException(file + ": the password file is empty");
                }
                return line.toCharArray();
            } catch (NoSuchFileException e) {
                throw new PkiException(file + ": no such password file", e);
            } catch (IOException e) {
                throw new PkiException(file + ": cannot read the password file (" + e.getMessage() + ")", e);
            }
        };
    }

    static PasswordSource environment(String variable) {
        return () -> {
            String value = System.getenv(variable);
            if (value == null || value.isEmpty()) {
                throw new PkiException("environment variable " + variable + " holding a keystore password is not set");
            }
            return value.toCharArray();
        };
    }

    /** The {@code password} file in {@code folder} when there is one, else the environment variable. */
    static PasswordSource fileOrEnvironment(Path folder, String variable) {
        Path file = folder.resolve(PASSWORD_FILE);
        return Files.isRegularFile(file) ? file(file) : environment(variable);
    }

    /** A node's keystore password: {@code <nodeDir>/password} if present, else {@value #NODE_PASSWORD_ENV}. */
    static PasswordSource forNode(Path nodeDir) {
        return fileOrEnvironment(nodeDir, NODE_PASSWORD_ENV);
    }
}
